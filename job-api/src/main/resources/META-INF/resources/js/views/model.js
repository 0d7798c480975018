import { api, SWEEP_TERMINAL } from '../api.js';
import { h, show } from '../dom.js';
import {
  channelHref, followSweep, layerOf, listSweeps, newestSweepOf, settingsText, startSweep,
  sweepProgress, sweepSettingsForm,
} from '../sweeps.js';

const STRIP = 16; // thumbnails per layer here, one line; the layer's atlas shows every channel
const SWEPT_NAMED = 12; // swept layers named above the rows; the rest are counted

/**
 * One model: its layers, each with the progress of its newest sweep and a strip of the swept
 * channels' images (read once the layer scrolls into view), a button that sweeps the layer on
 * the server with the settings above, and one that cancels a sweep still running. A button above
 * sweeps every layer as one sweep. Running sweeps are followed live.
 */
export async function renderModel(view, id) {
  const [model, sweeps] = await Promise.all([api.model(id), listSweeps(id)]);
  const heading = h('h1', {}, 'Model ', h('code', {}, id));
  if (model.status !== 'READY') {
    show(view, heading, h('p', {}, h('span', { class: `status status-${model.status}` }, model.status),
      ' ', model.reason ?? 'its layers are known once a worker has imported it.'));
    return null;
  }
  const streams = new AbortController();
  // "sweep id layer" -> the sweep's view with that layer's artifacts, read once the row is seen
  const details = new Map();
  const rows = new Map(model.layers.map((layer) => [layer.name, layerRow(id, layer)]));

  /**
   * Shows a followed sweep's view, which has the artifacts of `layer`, in the rows of the layers
   * it is the newest sweep of: their counts, and images read again for the rows already shown.
   */
  function showView(sweep, layer) {
    for (const row of rows.values()) {
      if (row.sweep?.id !== sweep.id) continue;
      if (row.layer.name === layer) {
        details.set(`${sweep.id} ${layer}`, Promise.resolve(sweep));
        row.fill(sweep);
      } else {
        row.setSweep(sweep);
        if (row.filled) loadDetails(row, true);
      }
    }
  }

  const following = new Set(); // ids of the sweeps whose events this page reads
  /** Follows the sweep, its view read with the images of the layer of `row`. */
  function follow(sweep, row) {
    if (following.has(sweep.id)) return;
    following.add(sweep.id);
    const layer = row.layer.name;
    followSweep(sweep.id, {
      layer,
      onView: (view) => showView(view, layer),
      onProgress: (event) => {
        const row = rows.get(event.layer);
        if (row?.sweep?.id === sweep.id) row.add(event);
      },
    }, streams.signal).catch((error) => console.warn(error));
  }

  /** Fills the row with its layer's images, read once, or again when `fresh`. */
  async function loadDetails(row, fresh = false) {
    const key = `${row.sweep.id} ${row.layer.name}`;
    if (fresh || !details.has(key)) details.set(key, api.sweep(row.sweep.id, row.layer.name));
    row.fill(await details.get(key));
  }

  async function sweepLayer(settings, button) {
    if (button.dataset.layer === undefined) {
      await sweepEveryLayer(settings);
      return;
    }
    const row = rows.get(button.dataset.layer);
    const { name, channels } = row.layer;
    const existing = newestSweepOf(await listSweeps(id), name, settings, channels);
    const sweep = existing ?? await startSweep(id, [name], settings);
    row.setSweep(sweep);
    drawSwept();
    if (SWEEP_TERMINAL.includes(sweep.status)) loadDetails(row);
    else follow(sweep, row);
  }

  /** One sweep of every layer, or the newest that already renders them all with `settings`. */
  async function sweepEveryLayer(settings) {
    const all = [...rows.values()];
    const coversAll = (sweep) => all.every((row) => newestSweepOf([sweep], row.layer.name, settings,
      row.layer.channels));
    const sweep = (await listSweeps(id)).find(coversAll) ?? await startSweep(id, 'all', settings);
    for (const row of all) row.setSweep(sweep);
    drawSwept();
    // rows out of view read their images when scrolled to
    for (const row of inView) loadDetails(row);
    if (!SWEEP_TERMINAL.includes(sweep.status)) follow(sweep, inView.values().next().value ?? all[0]);
  }

  // a model has dozens of layers: the swept ones are named at the top, each a way to its row,
  // as long as the list stays short
  const swept = h('p', { class: 'swept-layers' });
  function drawSwept() {
    const sweptRows = [...rows.values()].filter((row) => row.sweep);
    const link = (row) => h('button', {
      type: 'button', class: 'link',
      onclick: () => {
        row.element.scrollIntoView({ block: 'center' });
        row.element.focus({ preventScroll: true });
      },
    }, row.layer.name);
    const names = sweptRows.slice(0, SWEPT_NAMED).map(link);
    const more = sweptRows.length - names.length;
    if (!sweptRows.length) swept.replaceChildren('No layer swept yet.');
    else if (sweptRows.length === rows.size && rows.size > 1) {
      swept.replaceChildren(`Every layer swept (${rows.size}).`);
    } else {
      swept.replaceChildren(`Swept (${sweptRows.length} of ${rows.size}): `,
        ...names.flatMap((name, i) => (i ? [', ', name] : [name])),
        more ? ` and ${more} more.` : '');
    }
  }

  const settings = await sweepSettingsForm(model, null, sweepLayer);
  const channels = model.layers.reduce((sum, layer) => sum + layer.channels, 0);
  const sweepAll = h('button', { type: 'submit', form: 'sweep-settings', class: 'sweep-all' },
    `Sweep every layer (${channels} channels)`);
  // a row's strip is read when the row comes into view: a model has dozens of layers
  const inView = new Set();
  const visible = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const row = rows.get(entry.target.dataset.layer);
      if (entry.isIntersecting) inView.add(row);
      else inView.delete(row);
      if (entry.isIntersecting && row.sweep && !row.filled) loadDetails(row);
    }
  }, { rootMargin: '200px' });
  for (const row of rows.values()) {
    const sweep = newestSweepOf(sweeps, row.layer.name);
    if (sweep) row.setSweep(sweep);
    if (sweep && !SWEEP_TERMINAL.includes(sweep.status)) follow(sweep, row);
    visible.observe(row.element);
  }
  drawSwept();

  show(view, heading,
    h('p', { class: 'hint' }, `${model.format}, ${model.input_size} px input, ${model.layers.length} layers`,
      model.classes ? `, ${model.classes} classes` : '', '. ',
      h('a', { href: `#/submit?model=${encodeURIComponent(id)}` }, 'Render an objective'), '.'),
    h('h2', {}, 'Sweeps'),
    h('p', { class: 'hint' }, 'A sweep renders every channel of a layer on the server, shared among the '
      + 'workers; channels already rendered with the same settings are reused. It goes on when this '
      + 'page is closed.'),
    swept,
    settings.element,
    h('p', {}, sweepAll),
    h('ol', { class: 'layers' }, [...rows.values()].map((row) => row.element)));
  return () => {
    streams.abort();
    visible.disconnect();
  };
}

/**
 * A layer's line: its shape, the progress of its newest sweep, a strip of the swept channels'
 * images (the first STRIP channels) and its actions.
 */
function layerRow(model, layer) {
  const progress = sweepProgress();
  const settings = h('span', { class: 'hint' });
  const cancelButton = h('button', { type: 'button', class: 'danger', hidden: true }, 'Cancel sweep');
  cancelButton.append(h('span', { class: 'visually-hidden' }, ` of ${layer.name}`));
  const notSwept = h('span', { class: 'hint' }, 'not swept');
  const strip = h('ol', { class: 'thumbs' });
  // the rows' buttons and links read alike: their names say which layer, to a screen reader
  const hiddenName = h('span', { class: 'visually-hidden' }, ` ${layer.name}`);
  const images = new Map(); // channel -> its cell in the strip
  const atlas = `#/atlas/${encodeURIComponent(model)}/${encodeURIComponent(layer.name)}`;
  progress.element.hidden = true;

  const row = {
    layer,
    sweep: null,
    filled: false,
    element: h('li', { class: 'layer', 'data-layer': layer.name, tabindex: -1 },
      h('div', { class: 'layer-head' },
        h('h3', {}, h('code', {}, layer.name)),
        h('span', { class: 'hint' }, `${layer.channels} channels, ${layer.height}×${layer.width}`),
        h('span', { class: 'layer-sweep' }, notSwept, progress.element, settings),
        h('span', { class: 'actions' },
          h('button', { type: 'submit', form: 'sweep-settings', 'data-layer': layer.name },
            'Sweep this layer', hiddenName),
          cancelButton,
          h('a', { href: atlas }, 'Atlas', hiddenName.cloneNode(true)))),
      strip),

    /** The layer's sweep from a list (counts, no artifacts) or a POST. */
    setSweep(sweep) {
      if (row.sweep?.id !== sweep.id) {
        images.clear();
        strip.replaceChildren();
        row.filled = false;
      }
      row.sweep = sweep;
      notSwept.hidden = true;
      progress.element.hidden = false;
      // a row's cancel button stops the whole sweep: say when it is more than this layer
      settings.textContent = settingsText(sweep.settings)
        + (sweep.layers.length > 1 ? `, one sweep of ${sweep.layers.length} layers` : '');
      const { channels_done: done, channels_total: total } = layerOf(sweep, layer.name);
      showStatus(sweep.status, done, total);
    },

    /** The sweep's whole view: its counts and artifacts. */
    fill(sweep) {
      row.setSweep(sweep);
      row.filled = true;
      for (const artifact of sweep.artifacts ?? []) if (artifact.layer === layer.name) put(artifact);
      drawStrip();
    },

    /** A channel finished while the page follows the sweep. */
    add(event) {
      const known = images.has(event.channel);
      put(event);
      drawStrip();
      const entry = layerOf(row.sweep, layer.name);
      if (!known) entry.channels_done = Math.min(entry.channels_total, entry.channels_done + 1);
      showStatus(event.status, entry.channels_done, entry.channels_total);
    },
  };

  function showStatus(status, done, total) {
    progress.update(status, done, total);
    cancelButton.hidden = SWEEP_TERMINAL.includes(status);
  }

  // the followed stream's last event shows the cancelled sweep
  cancelButton.addEventListener('click', async () => {
    cancelButton.disabled = true;
    try {
      await api.cancelSweep(row.sweep.id);
    } catch (error) {
      settings.textContent = error.message;
    } finally {
      cancelButton.disabled = false;
    }
  });

  function put(artifact) {
    const { channel } = artifact;
    const href = channelHref(model, layer.name, channel, artifact);
    // an image shown stays (a fresh view signs its URL anew): only its link may learn its job
    if (images.has(channel)) {
      images.get(channel).querySelector('a').href = href;
      return;
    }
    images.set(channel, h('li', {}, h('a', { href },
      h('img', { src: artifact.url, alt: `${layer.name} channel ${channel}`, title: `channel ${channel}`,
        width: 48, height: 48, loading: 'lazy' }))));
  }

  function drawStrip() {
    const channels = [...images.keys()].sort((a, b) => a - b);
    const more = channels.length - STRIP;
    strip.replaceChildren(...channels.slice(0, STRIP).map((channel) => images.get(channel)),
      ...(more > 0 ? [h('li', { class: 'more' }, h('a', { href: atlas }, `${more} more in the atlas`))] : []));
  }

  return row;
}
