import { api, SWEEP_TERMINAL } from '../api.js';
import { h, show } from '../dom.js';
import {
  channelHref, followSweep, layerOf, listSweeps, newestSweepOf, settingsText, startSweep,
  sweepProgress, sweepSettingsForm,
} from '../sweeps.js';

const PAGE = 32; // channels shown at once

/**
 * A layer's channels side by side, from a sweep on the server: the layer's newest sweep when the
 * atlas opens (followed live while it runs), else the one "Sweep this layer" finds with the
 * chosen settings or starts. Closing the page stops nothing; opening it again shows the sweep.
 */
export async function renderAtlas(view, model, layer) {
  if (!model || !layer) return chooseLayer(view);
  const [details, sweeps] = await Promise.all([api.model(model), listSweeps(model)]);
  const channels = details.layers.find((l) => l.name === layer)?.channels;
  if (!channels) throw new Error(`model ${model} has no layer ${layer}`);
  let streams = new AbortController(); // follows the shown sweep; replaced with it
  let sweep = null;
  const images = new Map(); // channel -> its artifact in the shown sweep
  let first = 0;

  const grid = h('ol', { class: 'atlas', start: 0 });
  const pageLabel = h('span', { 'aria-live': 'polite' });
  const progress = sweepProgress();
  const sweepNote = h('span', { class: 'hint' });
  const cancel = h('button', { type: 'button', class: 'danger', hidden: true, onclick: () => cancelSweep() },
    'Cancel sweep');
  const previous = h('button', { type: 'button', onclick: () => showPage(first - PAGE) }, 'Previous');
  const next = h('button', { type: 'button', onclick: () => showPage(first + PAGE) }, 'Next');
  const cells = new Map();
  const settings = await sweepSettingsForm(details, 'Sweep this layer', sweepLayer);
  progress.element.hidden = true;

  function showPage(start) {
    first = Math.max(0, Math.min(start, Math.floor((channels - 1) / PAGE) * PAGE));
    const last = Math.min(channels, first + PAGE);
    pageLabel.textContent = `Channels ${first} to ${last - 1} of ${channels}`;
    previous.disabled = first === 0;
    next.disabled = last >= channels;
    cells.clear();
    grid.start = first;
    grid.replaceChildren(...range(first, last).map((channel) => {
      const cell = h('li', { 'data-channel': channel });
      cells.set(channel, cell);
      drawCell(channel);
      return cell;
    }));
  }

  function drawCell(channel) {
    const cell = cells.get(channel);
    const artifact = images.get(channel);
    const href = channelHref(model, layer, channel, artifact);
    // an image shown stays (a fresh view signs its URL anew): only its links may learn its job
    if (artifact && cell?.querySelector('img')) {
      for (const link of cell.querySelectorAll('a')) link.href = href;
      return;
    }
    const running = sweep && !SWEEP_TERMINAL.includes(sweep.status);
    cell?.replaceChildren(
      artifact
        ? h('a', { href }, h('img', { src: artifact.url, alt: `${layer} channel ${channel}`, width: 96, height: 96 }))
        : h('span', { class: 'pending' }, running ? 'rendering…' : 'not swept'),
      h('a', { class: 'channel', href }, `#${channel}`));
  }

  /** Shows a sweep's counts and status, and the layer's artifacts where the view has them. */
  function showSweep(view_) {
    if (sweep?.id !== view_.id) images.clear();
    sweep = view_;
    const { channels_done: done, channels_total: total } = layerOf(sweep, layer);
    showStatus(sweep.status, done, total);
    sweepNote.textContent = `sweep of ${settingsText(sweep.settings)}`;
    for (const artifact of sweep.artifacts ?? []) if (artifact.layer === layer) images.set(artifact.channel, artifact);
    for (const channel of cells.keys()) drawCell(channel);
  }

  function onProgress(event) {
    if (event.layer !== layer) return;
    const entry = layerOf(sweep, layer);
    if (!images.has(event.channel)) entry.channels_done = Math.min(entry.channels_total, entry.channels_done + 1);
    images.set(event.channel, event);
    showStatus(event.status, entry.channels_done, entry.channels_total);
    drawCell(event.channel);
  }

  function showStatus(status, done, total) {
    progress.element.hidden = false;
    progress.update(status, done, total);
    cancel.hidden = SWEEP_TERMINAL.includes(status);
  }

  /** Shows the sweep and, until it ends, follows it. */
  async function open(found) {
    streams.abort();
    streams = new AbortController();
    settings.set(found.settings);
    showSweep(found.artifacts ? found : await api.sweep(found.id, layer));
    if (!SWEEP_TERMINAL.includes(sweep.status)) {
      followSweep(sweep.id, { layer, onView: showSweep, onProgress }, streams.signal)
        .catch((error) => console.warn(error));
    }
  }

  /** Follows the layer's sweep with these settings, started now unless one runs or ran. */
  async function sweepLayer(chosen) {
    const existing = newestSweepOf(await listSweeps(model), layer, chosen, channels);
    await open(existing ?? await startSweep(model, [layer], chosen));
  }

  async function cancelSweep() {
    cancel.disabled = true;
    try {
      await api.cancelSweep(sweep.id); // the followed stream's last event shows it cancelled
    } catch (error) {
      sweepNote.textContent = error.message;
    } finally {
      cancel.disabled = false;
    }
  }

  show(view,
    h('h1', {}, 'Layer atlas: ', h('code', {}, `${model} / ${layer}`)),
    h('p', {}, h('a', { href: `#/models/${encodeURIComponent(model)}` }, `All layers of ${model}`)),
    settings.element,
    h('div', { class: 'toolbar' }, progress.element, sweepNote, cancel),
    h('div', { class: 'toolbar' }, previous, pageLabel, next),
    grid);
  showPage(0);
  const newest = newestSweepOf(sweeps, layer);
  if (newest) await open(newest);
  return () => streams.abort();
}

function range(from, to) {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

async function chooseLayer(view) {
  // only READY models have layers to choose from
  const models = (await api.models()).filter((m) => m.status === 'READY');
  const model = h('select', { id: 'atlas-model' }, models.map((m) => h('option', { value: m.id }, m.id)));
  const layer = h('select', { id: 'atlas-layer' });
  const loadLayers = async () => {
    const details = await api.model(model.value);
    layer.replaceChildren(...details.layers.map((l) =>
      h('option', { value: l.name }, `${l.name} (${l.channels} channels)`)));
  };
  model.addEventListener('change', loadLayers);
  const form = h('form', { class: 'filters' },
    h('div', { class: 'field' }, h('label', { for: 'atlas-model' }, 'Model'), model),
    h('div', { class: 'field' }, h('label', { for: 'atlas-layer' }, 'Layer'), layer),
    h('button', { type: 'submit' }, 'Open atlas'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/atlas/${encodeURIComponent(model.value)}/${encodeURIComponent(layer.value)}`;
  });
  show(view, h('h1', {}, 'Layer atlas'), form);
  if (models.length) await loadLayers();
}
