import { apiKey, ApiError } from './api.js';
import { h, show } from './dom.js';
import { renderSubmit } from './views/submit.js';
import { renderJobs } from './views/jobs.js';
import { renderJob } from './views/job.js';
import { renderAtlas } from './views/atlas.js';
import { renderChannel } from './views/channel.js';
import { renderSignIn } from './views/sign-in.js';
import { renderGallery } from './views/gallery.js';
import { renderExplain } from './views/explain.js';
import { renderModels } from './views/models.js';
import { renderModel } from './views/model.js';

// Hash routes, so the page works as static files: #/ and #/gallery, #/submit, #/jobs?filters,
// #/jobs/<id>, #/atlas, #/atlas/<model>/<layer>, #/channel/<model>/<layer>/<channel>?job=&index=,
// #/explain, #/explain/<id>?size=&steps= (its channel pictures'), #/models, #/models/<id> (each
// part URI-encoded: layer names contain '/').
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
  [/^\/explain(?:\/([^/?]+))?(?:\?(.*))?$/, (view, [id, query]) => renderExplain(view,
    id && decodeURIComponent(id), new URLSearchParams(query ?? ''))],
  [/^\/models$/, (view) => renderModels(view)],
  [/^\/models\/([^/?]+)$/, (view, [id]) => renderModel(view, decodeURIComponent(id))],
  [/^\/submit(?:\?(.*))?$/, (view, [query]) => renderSubmit(view, new URLSearchParams(query ?? ''))],
];

const main = document.getElementById('view');
let leave = null; // stops what the current page runs (event streams) when navigating away

async function route() {
  leave?.();
  leave = null;
  // a signed-in link opened in a new tab, or pasted into this one (then only the hash changed)
  if (apiKey.takeFromAddress()) keyInput.value = apiKey.get();
  const path = location.hash.slice(1) || '/';
  const match = routes.map(([pattern, render]) => [path.match(pattern), render])
    .find(([found]) => found);
  markCurrentLink(path);
  // Each route draws into a page of its own: a view still loading when the user moves on draws
  // into a page no longer shown, never over the next one.
  const view = h('div', { class: 'page', tabindex: -1 });
  main.replaceChildren(view);
  // every view reads the API, which answers nothing without a key: say how to get one instead
  if (!apiKey.get()) {
    renderSignIn(view, { refused: false, signIn });
    return;
  }
  if (!match) {
    show(view, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/submit' }, 'Submit a job')));
    return;
  }
  const [found, render] = match;
  try {
    const stop = (await render(view, found.slice(1))) ?? null;
    if (view.isConnected) leave = stop;
    else stop?.();
  } catch (error) {
    if (!view.isConnected) return;
    if (error instanceof ApiError && error.status === 401) {
      renderSignIn(view, { refused: true, signIn });
      return;
    }
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

const keyInput = document.getElementById('api-key');

/** Stores a key typed into the header's box or the sign-in panel, and shows the page with it. */
function signIn(key) {
  apiKey.set(key.trim());
  keyInput.value = apiKey.get();
  route();
}

function setUpApiKeyForm() {
  keyInput.value = apiKey.get();
  document.getElementById('api-key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    event.target.closest('details').open = false;
    signIn(keyInput.value);
  });
}

setUpApiKeyForm();
window.addEventListener('hashchange', route);
route();
