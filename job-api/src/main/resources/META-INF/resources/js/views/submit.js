import { api, ApiError } from '../api.js';
import { h, show } from '../dom.js';
import { clearProblem, field, numberField, showProblem } from '../form.js';
import { modelUploadForm, uploadedModelList } from './model-upload.js';

export async function renderSubmit(view, query) {
  let models = await api.models();
  const fields = await api.jobFields();
  const form = h('form', { class: 'submit', novalidate: true });
  const modelSelect = h('select', { id: 'model', name: 'model' });
  const uploadedModels = h('div', { id: 'uploaded-models' });
  // only a READY model can be rendered: the others are listed, but cannot be chosen
  const listModels = () => {
    modelSelect.replaceChildren(...models.map((m) => h('option', {
      value: m.id, disabled: m.status !== 'READY',
    }, m.status === 'READY'
      ? `${m.id} (${m.format}, ${m.input_size} px, ${m.layers} layers${m.uploaded ? ', uploaded' : ''})`
      : `${m.id} (${m.format}, ${m.status})`)));
    uploadedModels.replaceChildren(...uploadedModelList(models));
  };
  listModels();
  const modelUpload = await modelUploadForm(async (changed) => {
    const chosen = modelSelect.value;
    models = await api.models();
    listModels();
    modelSelect.value = changed.status === 'READY' ? changed.id : chosen;
    if (changed.status === 'READY') await loadModel();
  });
  const layerSelect = h('select', { id: 'layer' });
  const channelInput = h('input', { id: 'channel', type: 'number', min: 0, value: 0 });
  const classInput = h('input', { id: 'class', type: 'search', list: 'class-labels', autocomplete: 'off' });
  const classLabels = h('datalist', { id: 'class-labels' });
  const objectiveInput = h('input', {
    id: 'objective', name: 'objective', required: true, spellcheck: 'false',
    value: query.get('objective') ?? '',
  });
  const interpolation = interpolationFields(fields, query);
  const formError = h('p', { class: 'form-error', role: 'alert' });
  let labels = [];
  // the pickers fill the objective text last focused: the objective (from), or the interpolation's to
  let composed = objectiveInput;
  for (const input of [objectiveInput, interpolation.to]) {
    input.addEventListener('focus', () => { composed = input; });
  }

  const composeChannel = () => {
    composed.value = `${layerSelect.value}:${channelInput.value}`;
  };
  const describeLayer = () => {
    const channels = Number(layerSelect.selectedOptions[0]?.dataset.channels ?? 1);
    channelInput.max = channels - 1;
    document.getElementById('channel-hint').textContent = `0 to ${channels - 1}`;
  };
  const composeClass = () => {
    const wanted = classInput.value.trim().toLowerCase();
    const index = labels.findIndex((label) => label.toLowerCase() === wanted);
    document.getElementById('class-hint').textContent = index >= 0
      ? `class ${index}` : `${labels.length} classes; type to search`;
    if (index >= 0) composed.value = `softmax:${index}`;
  };

  async function loadModel() {
    const model = await api.model(modelSelect.value);
    layerSelect.replaceChildren(...model.layers.map((layer) => h('option', {
      value: layer.name, 'data-channels': layer.channels,
    }, `${layer.name} (${layer.channels} channels, ${layer.height}×${layer.width})`)));
    labels = model.labels ?? [];
    classLabels.replaceChildren(...labels.map((label) => h('option', { value: label })));
    classPicker.hidden = labels.length === 0;
    describeLayer();
    if (!query.get('objective')) composeChannel();
    form.elements.size.value = Math.min(128, model.input_size);
    // the size's bound is the model's: a multiple of its input size
    const size = form.elements.size;
    size.max = fields.size['x-maximum-input-size-multiple'] * model.input_size;
    document.getElementById('size-hint').textContent = `${size.min} to ${size.max} for this model`;
  }

  const classPicker = h('div', { class: 'picker' },
    field('class', 'Class (classifiers)', classInput, 'type to search'), classLabels);
  form.append(
    field('model', 'Model', modelSelect),
    h('fieldset', {},
      h('legend', {}, 'Objective'),
      h('div', { class: 'picker' },
        field('layer', 'Layer', layerSelect),
        field('channel', 'Channel', channelInput, '')),
      classPicker,
      field('objective', 'Objective text', objectiveInput,
        'Grammar, e.g. mixed4:97, softmax:goldfish; one per batch element separated by ;'),
      interpolation.element),
    h('fieldset', { class: 'settings' },
      h('legend', {}, 'Rendering'),
      numberField(fields, 'size', 'Size (px)', 128),
      numberField(fields, 'steps', 'Steps', 256),
      field('thresholds', 'Frames at steps', h('input', {
        id: 'thresholds', name: 'thresholds', placeholder: 'e.g. 64,128,256', inputmode: 'numeric',
      }), 'comma-separated; empty: steps/4, steps/2, steps'),
      interpolation.batch(numberField(fields, 'batch', 'Batch', 1)),
      numberField(fields, 'seed', 'Seed', 0)),
    formError,
    h('button', { type: 'submit' }, 'Render'));

  modelSelect.addEventListener('change', loadModel);
  layerSelect.addEventListener('change', () => { describeLayer(); composeChannel(); });
  channelInput.addEventListener('input', composeChannel);
  classInput.addEventListener('input', composeClass);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form, formError);
  });

  const asked = models.find((m) => m.id === query.get('model'));
  if (asked?.status === 'READY') modelSelect.value = asked.id;
  // outside the render form: forms do not nest
  show(view, h('h1', {}, 'Render a feature visualization'), modelUpload, uploadedModels, form);
  if (models.some((m) => m.status === 'READY')) await loadModel();
}

async function submit(form, formError) {
  clearProblem(form, formError);
  const values = form.elements;
  const thresholds = values.thresholds.value.split(',').map((t) => t.trim()).filter(Boolean);
  const objective = values.objective.value.trim();
  const job = {
    model: values.model.value,
    // an interpolation's frames are its batch, their objectives the API's
    ...(values.interpolate.checked
      ? { interpolate: { from: objective, to: values.to.value.trim(), frames: Number(values.frames.value) } }
      : { objective, batch: Number(values.batch.value) }),
    size: Number(values.size.value),
    steps: Number(values.steps.value),
    seed: Number(values.seed.value),
    ...(thresholds.length ? { thresholds: thresholds.map(Number) } : {}),
  };
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const accepted = await api.submit(job);
    location.hash = `#/jobs/${encodeURIComponent(accepted.id)}`;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showProblem(form, formError, error);
  } finally {
    button.disabled = false;
  }
}

/**
 * The interpolation option: from the objective above to another, in a number of frames rendered
 * as one batch (shown as a strip). While it is on, the batch field is hidden: the frames are the
 * batch. `?to=&frames=` in the address (Submit again) turns it on.
 */
function interpolationFields(fields, query) {
  const frameBounds = fields.interpolate?.properties?.frames ?? {};
  const toggle = h('input', { id: 'interpolate', name: 'interpolate', type: 'checkbox', checked: query.has('to') });
  const to = h('input', { id: 'to', name: 'to', spellcheck: 'false', value: query.get('to') ?? '' });
  const frames = h('input', {
    id: 'frames', name: 'frames', type: 'number', inputmode: 'numeric', value: query.get('frames') ?? 6,
    min: frameBounds.minimum, max: frameBounds.maximum,
  });
  const details = h('div', { class: 'picker interpolation' },
    field('to', 'To objective', to, 'the last frame; the objective above is the first'),
    field('frames', 'Frames', frames, frameBounds.maximum ? `${frameBounds.minimum} to ${frameBounds.maximum}` : ''));
  let batchField = null;
  const sync = () => {
    details.hidden = !toggle.checked;
    to.required = toggle.checked;
    if (batchField) batchField.hidden = toggle.checked;
  };
  toggle.addEventListener('change', sync);
  return {
    to,
    element: h('div', {},
      h('div', { class: 'check' }, toggle,
        h('label', { for: 'interpolate' }, 'Interpolate from this objective to another, frames sharing one layout')),
      h('p', { id: 'interpolate-error', class: 'field-error', role: 'alert' }),
      details),
    /** The batch field, hidden while interpolating. */
    batch(element) {
      batchField = element;
      sync();
      return element;
    },
  };
}
