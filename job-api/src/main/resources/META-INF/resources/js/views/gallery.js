import { api } from '../api.js';
import { h, show } from '../dom.js';

const PAGE = 24; // images per page: four rows of six on a wide screen

/**
 * The front page: the newest finished images of the caller's renders, each batch element its
 * own cell with its objective and model, each linking to its job.
 */
export async function renderGallery(view) {
  const grid = h('ol', { class: 'gallery' });
  const more = h('button', { type: 'button', hidden: true }, 'Load more');

  async function load(cursor) {
    const page = await api.gallery({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    grid.append(...page.items.map(cell));
    more.hidden = !page.next;
    more.onclick = () => load(page.next);
    if (!grid.children.length) {
      grid.replaceWith(h('p', { class: 'empty' }, 'No finished images yet: ',
        h('a', { href: '#/submit' }, 'submit a render'), ' or fill a ',
        h('a', { href: '#/atlas' }, 'layer atlas'), '.'));
    }
  }

  show(view,
    h('h1', {}, 'Gallery'),
    h('p', { class: 'hint' }, 'The newest finished images of your renders; each opens its job.'),
    grid, more);
  await load(null);
}

function cell(item) {
  const name = `${item.model} ${item.objective}`;
  return h('li', {},
    h('a', { href: `#/jobs/${encodeURIComponent(item.job_id)}`, 'data-job': item.job_id },
      h('figure', {},
        h('img', { src: item.url, alt: `visualization of ${name}`, width: item.width,
          height: item.height, loading: 'lazy' }),
        h('figcaption', {},
          h('code', { class: 'objective' }, breakable(item.objective ?? '?')),
          h('span', { class: 'model' }, item.model ?? '')))));
}

/** The text with line-break opportunities after each '/', so long layer paths wrap at a part. */
function breakable(text) {
  return text.split(/(?<=\/)/).flatMap((part, i) => (i ? [h('wbr'), part] : [part]));
}
