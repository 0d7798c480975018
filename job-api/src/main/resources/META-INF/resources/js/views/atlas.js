import { api, TERMINAL } from '../api.js';
import { h, show } from '../dom.js';
import { parseChannelTerm } from '../channel-term.js';
import { readEvents } from '../events.js';

const PAGE = 32;       // channels shown at once
const PER_JOB = 8;     // channels rendered by one batched job ("layer:0;layer:1;...")
const SCAN_PAGES = 5;  // pages of finished jobs searched for cached channels (100 each)

/** A layer's channels side by side, re-using finished jobs and rendering the missing ones. */
export async function renderAtlas(view, model, layer) {
  if (!model || !layer) return chooseLayer(view);
  const details = await api.model(model);
  const channels = details.layers.find((l) => l.name === layer)?.channels;
  if (!channels) throw new Error(`model ${model} has no layer ${layer}`);
  const streams = new AbortController();
  const cached = await cachedChannels(model, layer);
  let first = 0;

  const size = h('input', { id: 'atlas-size', type: 'number', min: 16, max: 1024, value: 64 });
  const steps = h('input', { id: 'atlas-steps', type: 'number', min: 1, max: 10000, value: 128 });
  const grid = h('ol', { class: 'atlas', start: 0 });
  const pageLabel = h('span', { 'aria-live': 'polite' });
  const message = h('p', { role: 'alert' });
  const previous = h('button', { type: 'button', onclick: () => showPage(first - PAGE) }, 'Previous');
  const next = h('button', { type: 'button', onclick: () => showPage(first + PAGE) }, 'Next');
  const render = h('button', { type: 'button', onclick: () => renderMissing() }, 'Render missing');
  const cells = new Map();

  function showPage(start) {
    first = Math.max(0, Math.min(start, Math.floor((channels - 1) / PAGE) * PAGE));
    const last = Math.min(channels, first + PAGE);
    pageLabel.textContent = `Channels ${first} to ${last - 1} of ${channels}`;
    previous.disabled = first === 0;
    next.disabled = last >= channels;
    cells.clear();
    grid.start = first;
    grid.replaceChildren(...range(first, last).map((channel) => {
      const cell = h('li', { 'data-channel': channel },
        h('span', { class: 'pending' }, 'not rendered'), channelLink(channel));
      cells.set(channel, cell);
      return cell;
    }));
    fillFromCache(range(first, last));
  }

  async function fillFromCache(visible) {
    const byJob = Map.groupBy(visible.filter((c) => cached.has(c)), (c) => cached.get(c).job);
    for (const [job, wanted] of byJob) {
      const { artifacts } = await api.job(job);
      for (const channel of wanted) {
        const frame = artifacts.find((a) => a.final && a.batch_index === cached.get(channel).index);
        if (frame) putImage(channel, frame.url);
      }
    }
  }

  /** The channel's page: its visualization beside its dataset examples. */
  function channelPage(channel) {
    const from = cached.get(channel);
    const query = from ? `?${new URLSearchParams({ job: from.job, index: from.index })}` : '';
    return `#/channel/${encodeURIComponent(model)}/${encodeURIComponent(layer)}/${channel}${query}`;
  }

  function channelLink(channel) {
    return h('a', { class: 'channel', href: channelPage(channel) }, `#${channel}`);
  }

  function putImage(channel, url) {
    cells.get(channel)?.replaceChildren(
      h('a', { href: channelPage(channel) },
        h('img', { src: url, alt: `${layer} channel ${channel}`, width: 96, height: 96 })),
      channelLink(channel));
  }

  async function renderMissing() {
    const missing = [...cells.keys()].filter((channel) => !cached.has(channel));
    message.textContent = missing.length ? `Rendering ${missing.length} channels…` : 'All shown channels are rendered.';
    for (let i = 0; i < missing.length; i += PER_JOB) {
      const group = missing.slice(i, i + PER_JOB);
      const stepCount = Number(steps.value);
      try {
        const { id } = await api.submit({
          model, objective: group.map((c) => `${layer}:${c}`).join(';'), batch: group.length,
          size: Number(size.value), steps: stepCount, thresholds: [stepCount],
        });
        group.forEach((channel, index) => {
          cached.set(channel, { job: id, index });
          cells.get(channel)?.firstChild.replaceWith(h('span', { class: 'pending' }, 'rendering…'));
        });
        follow(id, group);
      } catch (error) {
        message.textContent = error.message;
        return;
      }
    }
  }

  async function follow(id, group) {
    await readEvents(api.eventsPath(id), (name, data) => {
      if (name === 'frame' && data.final) putImage(group[data.batch_index], data.url);
      if (name === 'status' && TERMINAL.includes(data.status) && data.status !== 'SUCCEEDED') {
        message.textContent = `Job ${id} ${data.status}: ${data.reason ?? ''}`;
      }
    }, streams.signal).catch(() => {});
    if (!grid.querySelector('.pending')) message.textContent = 'All shown channels are rendered.';
  }

  show(view,
    h('h1', {}, 'Layer atlas: ', h('code', {}, `${model} / ${layer}`)),
    h('div', { class: 'toolbar' },
      previous, pageLabel, next,
      h('label', { for: 'atlas-size' }, 'Size'), size,
      h('label', { for: 'atlas-steps' }, 'Steps'), steps,
      render),
    message,
    grid);
  showPage(0);
  return () => streams.abort();
}

/**
 * channel -> {job, index}: the batch element of a finished job that rendered that channel alone.
 * Batched jobs have no channel column, so their objectives are read here, term by term.
 */
async function cachedChannels(model, layer) {
  const found = new Map();
  let cursor = null;
  for (let page = 0; page < SCAN_PAGES; page++) {
    const { items, next } = await api.jobs({
      model, layer, status: 'SUCCEEDED', limit: 100, ...(cursor ? { cursor } : {}),
    });
    for (const job of items) {
      job.request.objective.split(';').forEach((term, index) => {
        const channel = channelOf(term.trim(), layer);
        if (channel !== null && !found.has(channel)) found.set(channel, { job: job.id, index });
      });
    }
    if (!next) break;
    cursor = next;
  }
  return found;
}

function channelOf(term, layer) {
  const unit = parseChannelTerm(term);
  return unit?.layer === layer ? unit.channel : null;
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
