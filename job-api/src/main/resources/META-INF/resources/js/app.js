import { apiKey } from './api.js';
import { h, show } from './dom.js';
import { renderSubmit } from './views/submit.js';
import { renderJobs } from './views/jobs.js';
import { renderJob } from './views/job.js';
import { renderAtlas } from './views/atlas.js';
import { renderChannel } from './views/channel.js';
import { renderGallery } from './views/gallery.js';

// Hash routes, so the page works as static files: #/ and #/gallery, #/submit, #/jobs?filters,
// #/jobs/<id>, #/atlas, #/atlas/<model>/<layer>, #/channel/<model>/<layer>/<channel>?job=&index=
// (each part URI-encoded: layer names contain '/').
const routes = [
  [/^\/(?:gallery)?$/, (view) => renderGallery(view)],
  [/^\/jobs\/([^/?]+)$/, (view, [id]) => renderJob(view, decodeURIComponent(id))],
  [/^\/jobs(?:\?(.*))?$/, (view, [query]) => renderJobs(view, new URLSearchParams(query ?? ''))],
  [/^\/atlas(?:\/([^/]+)\/([^/]+))?$/,
    (view, [model, layer]) => renderAtlas(view, model && decodeURIComponent(model),
      layer && decodeURIComponent(layer))],
  [/^\/channel\/([^/]+)\/([^/]+)\/(\d+)(?:\?(.*))?$/,
    (view, [model, layer, channel, query]) => renderChannel(view, decodeURIComponent(model),
      decodeURIComponent(layer), Number(channel), new URLSearchParams(query ?? ''))],
  [/^\/submit(?:\?(.*))?$/, (view, [query]) => renderSubmit(view, new URLSearchParams(query ?? ''))],
];

const view = document.getElementById('view');
let leave = null; // stops what the current page runs (event streams) when navigating away

async function route() {
  leave?.();
  leave = null;
  const path = location.hash.slice(1) || '/';
  const match = routes.map(([pattern, render]) => [path.match(pattern), render])
    .find(([found]) => found);
  markCurrentLink(path);
  if (!match) {
    show(view, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/submit' }, 'Submit a job')));
    return;
  }
  const [found, render] = match;
  try {
    leave = (await render(view, found.slice(1))) ?? null;
  } catch (error) {
    show(view, h('h1', {}, 'Something went wrong'), h('p', { role: 'alert' }, error.message));
  }
}

function markCurrentLink(path) {
  for (const link of document.querySelectorAll('header nav a[href^="#"]')) {
    const current = path.startsWith(link.getAttribute('href').slice(1));
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function setUpApiKeyForm() {
  const input = document.getElementById('api-key');
  input.value = apiKey.get();
  document.getElementById('api-key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    apiKey.set(input.value.trim());
    event.target.closest('details').open = false;
    route();
  });
}

setUpApiKeyForm();
window.addEventListener('hashchange', route);
route();
