import { api } from '../api.js';
import { h } from '../dom.js';

const ACCEPT = 'image/png,image/jpeg,image/bmp';

/**
 * The image to explain: one image of an image set, picked from its thumbnails, or a file of
 * the user's. value(): {dataset, name} or {file}, or null when none is chosen yet.
 */
export async function imagePicker() {
  const datasets = await api.datasets();
  const fromSet = h('input', { type: 'radio', name: 'source', id: 'source-dataset', value: 'dataset', checked: true });
  const fromFile = h('input', { type: 'radio', name: 'source', id: 'source-file', value: 'file' });
  const select = h('select', { id: 'image-dataset' },
    datasets.map((d) => h('option', { value: d.id }, `${d.name} (${d.image_count} images)`)));
  const thumbnails = h('ul', { class: 'image-choices', role: 'radiogroup', 'aria-label': 'Images of the set' });
  const file = h('input', { id: 'image-file', name: 'image', type: 'file', accept: ACCEPT });
  const filePreview = h('img', { class: 'file-preview', alt: '', hidden: true });
  const setPart = h('div', { class: 'image-set' }, h('div', { class: 'field' },
    h('label', { for: 'image-dataset' }, 'Image set'), select), thumbnails);
  const filePart = h('div', { class: 'field', hidden: true },
    h('label', { for: 'image-file' }, 'Image file (PNG, JPEG or BMP)'), file, filePreview);

  async function loadImages() {
    const { images } = await api.dataset(select.value);
    thumbnails.replaceChildren(...images.map((image, i) => h('li', {},
      h('input', { type: 'radio', name: 'dataset-image', id: `dataset-image-${i}`, value: image.name,
        'data-url': image.url, checked: i === 0 }),
      h('label', { for: `dataset-image-${i}`, title: image.name },
        h('img', { src: image.url, alt: '', loading: 'lazy', width: 72, height: 72 }),
        h('span', {}, image.name)))));
  }

  const chooseSource = () => {
    setPart.hidden = !fromSet.checked;
    filePart.hidden = fromSet.checked;
  };
  fromSet.addEventListener('change', chooseSource);
  fromFile.addEventListener('change', chooseSource);
  select.addEventListener('change', loadImages);
  file.addEventListener('change', () => {
    if (filePreview.src) URL.revokeObjectURL(filePreview.src);
    filePreview.hidden = !file.files.length;
    if (file.files.length) filePreview.src = URL.createObjectURL(file.files[0]);
  });
  if (datasets.length) await loadImages();

  const chosen = () => thumbnails.querySelector('input:checked');
  return {
    element: h('fieldset', { class: 'image-picker' },
      h('legend', {}, 'Image'),
      h('div', { class: 'check' }, fromSet, h('label', { for: 'source-dataset' }, 'An image of a set'),
        fromFile, h('label', { for: 'source-file' }, 'A file of yours')),
      setPart, filePart,
      h('p', { id: 'image-error', class: 'field-error', role: 'alert' })),
    value() {
      if (fromFile.checked) return file.files.length ? { file: file.files[0] } : null;
      return chosen() ? { dataset: select.value, name: chosen().value } : null;
    },
  };
}
