import { api } from '../api.js';
import { h } from '../dom.js';

/**
 * A choice of image set, with a form to upload a new one (several image files, or one zip).
 * onChange(id) runs when the choice changes, also to a set just uploaded.
 */
export async function datasetPicker(onChange) {
  const select = h('select', { id: 'dataset', name: 'dataset' });
  const message = h('p', { id: 'dataset-upload-message', role: 'status' });
  const files = h('input', { id: 'dataset-files', type: 'file', name: 'images', multiple: true,
    accept: 'image/png,image/jpeg,image/bmp,image/gif,.zip,application/zip' });
  const name = h('input', { id: 'dataset-name', name: 'name', maxlength: 200, autocomplete: 'off' });
  const upload = h('button', { type: 'submit' }, 'Upload');

  async function load(selected) {
    const datasets = await api.datasets();
    select.replaceChildren(...datasets.map((d) => h('option', { value: d.id },
      `${d.name} (${d.image_count} images${d.builtin ? ', built in' : ''})`)));
    if (selected) select.value = selected;
  }

  const form = h('form', { class: 'dataset-upload' },
    h('div', { class: 'field' }, h('label', { for: 'dataset-files' }, 'Images or a zip of images'), files),
    h('div', { class: 'field' }, h('label', { for: 'dataset-name' }, 'Name (optional)'), name),
    upload);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!files.files.length) {
      message.textContent = 'Choose at least one image.';
      return;
    }
    const body = new FormData();
    for (const file of files.files) {
      body.append(file.name.toLowerCase().endsWith('.zip') ? 'archive' : 'images', file);
    }
    if (name.value.trim()) body.append('name', name.value.trim());
    upload.disabled = true;
    message.textContent = 'Uploading…';
    try {
      const dataset = await api.uploadDataset(body);
      await load(dataset.id);
      message.textContent = `Uploaded ${dataset.image_count} images as ${dataset.id}.`;
      form.closest('details').open = false;
      onChange(select.value);
    } catch (error) {
      const fields = error.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
      message.textContent = fields ? `${error.message} (${fields})` : error.message;
    } finally {
      upload.disabled = false;
    }
  });
  select.addEventListener('change', () => onChange(select.value));
  await load();

  return {
    get value() { return select.value; },
    element: h('div', { class: 'dataset-picker' },
      h('div', { class: 'field' }, h('label', { for: 'dataset' }, 'Image set'), select),
      h('details', { class: 'upload' }, h('summary', {}, 'Upload an image set'), form),
      message),
  };
}
