import { api } from '../api.js';
import { h, show } from '../dom.js';
import { interpolationText } from './frames.js';

const STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const KINDS = ['render', 'dataset_examples', 'explain'];
const FILTERS = ['kind', 'model', 'layer', 'channel', 'status'];

/** The job list, newest first, filtered as GET /v1/jobs is; the filters live in the hash. */
export async function renderJobs(view, query) {
  const models = await api.models();
  const filters = Object.fromEntries(FILTERS.filter((name) => query.get(name))
    .map((name) => [name, query.get(name)]));
  const rows = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  const form = filterForm(models, filters);

  async function load(cursor) {
    const page = await api.jobs({ ...filters, limit: 20, ...(cursor ? { cursor } : {}) });
    rows.append(...page.items.map(jobRow));
    if (!rows.children.length) {
      rows.append(h('tr', {}, h('td', { colspan: 6 }, 'No jobs match.')));
    }
    more.hidden = !page.next;
    more.onclick = () => load(page.next);
  }

  show(view, h('h1', {}, 'Jobs'), form,
    h('table', { class: 'jobs' },
      h('caption', { class: 'visually-hidden' }, 'Jobs, newest first'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Image')),
        ['Created', 'Status', 'Model', 'Objective', 'Settings']
          .map((title) => h('th', { scope: 'col' }, title)))),
      rows),
    more);
  await load(null);
}

function filterForm(models, filters) {
  const select = (name, options) => h('select', { id: `filter-${name}`, name },
    h('option', { value: '' }, 'any'),
    options.map((value) => h('option', { value, selected: filters[name] === value }, value)));
  const labelled = (name, title, control) => h('div', { class: 'field' },
    h('label', { for: control.id }, title), control);
  const form = h('form', { class: 'filters', role: 'search' },
    labelled('kind', 'Kind', select('kind', KINDS)),
    labelled('model', 'Model', select('model', models.map((m) => m.id))),
    labelled('layer', 'Layer', h('input', { id: 'filter-layer', name: 'layer', value: filters.layer })),
    labelled('channel', 'Channel', h('input', {
      id: 'filter-channel', name: 'channel', type: 'number', min: 0, value: filters.channel,
    })),
    labelled('status', 'Status', select('status', STATUSES)),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...new FormData(form)].filter(([, value]) => value !== '');
    location.hash = `#/jobs?${new URLSearchParams(chosen)}`;
  });
  return form;
}

function jobRow(job) {
  const request = job.request;
  return h('tr', {},
    h('td', { class: 'thumbnail' }, thumbnail(job)),
    h('td', {}, h('a', { href: `#/jobs/${encodeURIComponent(job.id)}` },
      new Date(job.created_at).toLocaleString())),
    h('td', {}, h('span', { class: `status status-${job.status}` }, job.status)),
    h('td', {}, request.model),
    h('td', {}, job.kind === 'explain'
      ? ['explain ', h('code', {}, request.explain.image), ' at ', h('code', {}, request.explain.layer)]
      : request.interpolate ? interpolationText(request.interpolate) : h('code', {}, request.objective)),
    h('td', {}, settings(job)));
}

function settings({ kind, request }) {
  if (kind === 'dataset_examples') return `examples: top ${request.top_k} of ${request.dataset}`;
  if (kind === 'explain') return `${request.explain.method}, ${request.explain.groups} groups`;
  return `${request.size} px, ${request.steps} steps`;
}

/** The job's newest image (its best crop for a dataset search), or an empty frame until it has one. */
function thumbnail(job) {
  if (!job.thumbnail) return h('span', { class: 'no-image', 'aria-hidden': 'true' });
  return h('a', { href: `#/jobs/${encodeURIComponent(job.id)}`, tabindex: -1, 'aria-hidden': 'true' },
    h('img', { src: job.thumbnail, alt: '', width: 48, height: 48, loading: 'lazy' }));
}
