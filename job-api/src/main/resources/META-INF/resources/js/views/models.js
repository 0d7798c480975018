import { api } from '../api.js';
import { h, show } from '../dom.js';

/** The models jobs can name, built in and uploaded, each opening its page of layers and sweeps. */
export async function renderModels(view) {
  const models = await api.models();
  show(view,
    h('h1', {}, 'Models'),
    h('table', { class: 'models' },
      h('thead', {}, h('tr', {}, ['Model', 'Status', 'Format', 'Input', 'Layers']
        .map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, models.map((m) => h('tr', { 'data-model': m.id },
        h('td', {}, h('a', { href: `#/models/${encodeURIComponent(m.id)}` }, h('code', {}, m.id)),
          m.uploaded ? h('span', { class: 'hint' }, ' uploaded') : null),
        h('td', {}, h('span', { class: `status status-${m.status}` }, m.status)),
        h('td', {}, m.format),
        h('td', {}, m.input_size ? `${m.input_size} px` : ''),
        h('td', {}, m.layers ?? ''))))),
    h('p', { class: 'hint' }, 'Upload a model from the ', h('a', { href: '#/submit' }, 'submit form'), '.'));
}
