import { api } from '../api.js';
import { h } from '../dom.js';

// How often the form asks whether a worker has imported the upload yet.
const IMPORT_POLL_MS = 1000;

/** GET /v1/models/{id} until a worker has marked the model READY or FAILED. */
async function importedModel(id) {
  for (;;) {
    const model = await api.model(id);
    if (model.status !== 'IMPORTING') return model;
    await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
  }
}

/**
 * A form to upload a model (POST /v1/models), folded under a summary. The formats are the ones
 * the server's OpenAPI document lists. The server answers 202 IMPORTING; the form then waits for
 * a worker to import the model and says what it found (READY) or why it failed (FAILED).
 * onChanged(model) runs with the server's view of the model after each of those answers.
 */
export async function modelUploadForm(onChanged) {
  const format = h('select', { id: 'upload-format', name: 'format' },
    (await api.modelFormats()).map((key) => h('option', { value: key }, key)));
  const file = h('input', { id: 'upload-file', type: 'file', required: true,
    accept: '.tflite,.pb,.onnx,.zip,application/zip' });
  const id = h('input', { id: 'upload-id', autocomplete: 'off' });
  const metadata = h('input', { id: 'upload-metadata', type: 'file', accept: '.json,application/json' });
  const labels = h('input', { id: 'upload-labels', type: 'file', accept: '.txt,text/plain' });
  const message = h('p', { id: 'model-upload-message', role: 'status' });
  const upload = h('button', { type: 'submit' }, 'Upload');
  const labelled = (control, label) =>
    h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  const say = (text, status) => {
    message.textContent = text;
    message.className = status ? `status status-${status}` : '';
  };

  const form = h('form', { class: 'model-upload' },
    labelled(format, 'Format'),
    labelled(file, 'Model file (.tflite, .pb, .onnx, or a .zip)'),
    labelled(id, 'Id (optional)'),
    labelled(metadata, 'featureviz-model.json (graphdef, savedmodel; optional for onnx)'),
    labelled(labels, 'labels.txt (optional)'),
    upload, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files.length) {
      say('Choose the model file.');
      return;
    }
    const body = new FormData();
    body.append('format', format.value);
    body.append('file', file.files[0]);
    if (id.value.trim()) body.append('id', id.value.trim());
    // metadata and labels are text fields
    if (metadata.files.length) body.append('metadata', await metadata.files[0].text());
    if (labels.files.length) body.append('labels', await labels.files[0].text());
    upload.disabled = true;
    say('Uploading…');
    try {
      const accepted = await api.uploadModel(body);
      say(`Importing ${accepted.id}: a worker is loading the model…`, 'IMPORTING');
      await onChanged(accepted);
      const model = await importedModel(accepted.id);
      if (model.status === 'READY') {
        say(`Imported ${model.id}: ${model.layers.length} layers, ${model.classes} classes.`, 'READY');
      } else {
        say(`The import of ${model.id} failed: ${model.reason}`, 'FAILED');
      }
      await onChanged(model);
    } catch (error) {
      const fields = error.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
      say(fields ? `${error.message} (${fields})` : error.message, 'FAILED');
    } finally {
      upload.disabled = false;
    }
  });
  return h('details', { class: 'upload' }, h('summary', {}, 'Upload a model'), form);
}

/**
 * The tenant's uploaded models with their status: a READY one can be rendered, an IMPORTING one
 * not yet, a FAILED one never (its reason says why). Empty when there are none.
 */
export function uploadedModelList(models) {
  const uploaded = models.filter((m) => m.uploaded);
  if (!uploaded.length) return [];
  return [h('h2', {}, 'Uploaded models'), h('ul', { class: 'uploaded-models' },
    uploaded.map((m) => h('li', { 'data-model': m.id },
      h('code', {}, m.id), ` ${m.format} `,
      h('span', { class: `status status-${m.status}` }, m.status),
      m.status === 'READY'
        ? [` ${m.input_size} px, ${m.layers} layers `,
          h('a', { href: `#/submit?model=${encodeURIComponent(m.id)}` }, 'Render')]
        : null,
      m.status === 'FAILED' ? h('p', { class: 'reason' }, m.reason) : null)))];
}
