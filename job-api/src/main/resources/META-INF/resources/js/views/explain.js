import { api, ApiError } from '../api.js';
import { h, show } from '../dom.js';
import { clearProblem, field, numberField, showProblem } from '../form.js';
import { PICTURE_DEFAULTS } from '../channel-pictures.js';
import { renderExplanation } from './explanation.js';
import { imagePicker } from './image-picker.js';

// A heatmap says where only on a grid of positions: the default layer is the deepest with at
// least this many positions a side (mobilenet_v2 at 224 px: expanded_conv_12/add, 14×14).
const DEFAULT_GRID = 14;

/** #/explain: the form; #/explain/<job id>: that job's explanation. */
export async function renderExplain(view, id, query) {
  if (id) return renderExplanation(view, await api.job(id), query);
  return renderExplainForm(view);
}

async function renderExplainForm(view) {
  // only a READY classifier has classes to explain
  const models = (await api.models()).filter((m) => m.status === 'READY' && m.classes > 0);
  const fields = await api.jobFields();
  const picker = await imagePicker();
  const form = h('form', { class: 'submit explain-form', novalidate: true });
  const modelSelect = h('select', { id: 'model', name: 'model' },
    models.map((m) => h('option', { value: m.id }, `${m.id} (${m.input_size} px, ${m.classes} classes)`)));
  const layerSelect = h('select', { id: 'layer', name: 'layer' });
  const classInput = h('input', {
    id: 'class', name: 'class', type: 'search', list: 'class-labels', autocomplete: 'off',
    placeholder: 'the top class',
  });
  const classLabels = h('datalist', { id: 'class-labels' });
  const method = h('select', { id: 'method', name: 'method' },
    h('option', { value: 'grad' }, 'gradient × activation'),
    h('option', { value: 'ig' }, 'integrated gradients'));
  const igSteps = numberField(fields, 'ig_steps', 'Integration steps', 32);
  const formError = h('p', { class: 'form-error', role: 'alert' });

  let loaded = null; // the model whose layers are listed: choosing it again keeps the chosen layer
  async function loadModel() {
    if (modelSelect.value === loaded) return;
    loaded = modelSelect.value;
    const model = await api.model(loaded);
    const spatial = model.layers.filter((layer) => layer.height > 1 && layer.width > 1);
    layerSelect.replaceChildren(...spatial.map((layer) => h('option', { value: layer.name },
      `${layer.name} (${layer.channels} channels, ${layer.height}×${layer.width})`)));
    layerSelect.value = spatial.findLast((layer) => layer.width >= DEFAULT_GRID)?.name ?? spatial[0]?.name;
    classLabels.replaceChildren(...(model.labels ?? []).map((label) => h('option', { value: label })));
    form.elements.size.value = Math.min(128, model.input_size);
  }
  const showIgSteps = () => { igSteps.hidden = method.value !== 'ig'; };

  form.append(
    picker.element,
    h('fieldset', {},
      h('legend', {}, 'Network'),
      h('div', { class: 'picker' },
        field('model', 'Model', modelSelect, 'the READY classifiers'),
        field('layer', 'Layer', layerSelect, 'its channels are attributed and grouped')),
      h('div', { class: 'picker' },
        field('class', 'Class', classInput, 'index or label; empty: the most probable'), classLabels,
        field('method', 'Method', method), igSteps,
        numberField(fields, 'groups', 'Neuron groups', 6))),
    h('details', { class: 'advanced' },
      h('summary', {}, 'Rendering of the groups and channel pictures'),
      h('div', { class: 'settings' },
        numberField(fields, 'size', 'Group size (px)', 128),
        numberField(fields, 'steps', 'Group steps', 256),
        numberField(fields, 'seed', 'Seed', 0),
        // not the job's: the channels' own renders, asked for by the explanation's page
        field('picture-size', 'Channel picture size (px)', h('input', {
          id: 'picture-size', type: 'number', min: fields.size.minimum, value: PICTURE_DEFAULTS.size,
        }), 'reused when rendered before at this size'),
        field('picture-steps', 'Channel picture steps', h('input', {
          id: 'picture-steps', type: 'number', min: fields.steps.minimum, max: fields.steps.maximum,
          value: PICTURE_DEFAULTS.steps,
        })))),
    formError,
    h('button', { type: 'submit' }, 'Explain'));

  modelSelect.addEventListener('change', loadModel);
  method.addEventListener('change', showIgSteps);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form, formError, picker);
  });
  showIgSteps();
  show(view, h('h1', {}, 'Explain a classification'),
    h('p', { class: 'hint' }, 'Which channels of a layer make the network see a class in an image, '
      + 'where they fire, and which groups of channels work together.'),
    models.length ? form : h('p', { class: 'empty' }, 'No classifier is READY.'));
  if (models.length) await loadModel();
}

/** The job as JSON, with the image as a part of its own when it is the user's file. */
function explainRequest(values, image) {
  const classText = values.class.value.trim();
  const job = {
    kind: 'explain',
    model: values.model.value,
    layer: values.layer.value,
    ...(classText ? { class: /^\d+$/.test(classText) ? Number(classText) : classText } : {}),
    method: values.method.value,
    ...(values.method.value === 'ig' ? { ig_steps: Number(values.ig_steps.value) } : {}),
    groups: Number(values.groups.value),
    size: Number(values.size.value),
    steps: Number(values.steps.value),
    seed: Number(values.seed.value),
  };
  if (!image.file) return { ...job, image: { dataset: image.dataset, name: image.name } };
  const body = new FormData();
  body.append('job', JSON.stringify(job));
  body.append('image', image.file);
  return body;
}

async function submit(form, formError, picker) {
  clearProblem(form, formError);
  const image = picker.value();
  if (!image) {
    form.querySelector('#image-error').textContent = 'Choose an image.';
    return;
  }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const accepted = await api.submit(explainRequest(form.elements, image));
    const pictures = new URLSearchParams({
      size: form.querySelector('#picture-size').value, steps: form.querySelector('#picture-steps').value,
    });
    location.hash = `#/explain/${encodeURIComponent(accepted.id)}?${pictures}`;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showProblem(form, formError, error);
  } finally {
    button.disabled = false;
  }
}
