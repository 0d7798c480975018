import { api } from '../api.js';
import { h } from '../dom.js';

/**
 * A form to upload a model (POST /v1/models), folded under a summary. The formats are the ones
 * the server's OpenAPI document lists. onUploaded(model) runs with the server's answer.
 */
export async function modelUploadForm(onUploaded) {
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
      message.textContent = 'Choose the model file.';
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
    message.textContent = 'Uploading and loading the model…';
    try {
      const model = await api.uploadModel(body);
      message.textContent = `Uploaded ${model.id}: ${model.layers.length} layers, ${model.classes} classes.`;
      await onUploaded(model);
    } catch (error) {
      const fields = error.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
      message.textContent = fields ? `${error.message} (${fields})` : error.message;
    } finally {
      upload.disabled = false;
    }
  });
  return h('details', { class: 'upload' }, h('summary', {}, 'Upload a model'), form);
}
