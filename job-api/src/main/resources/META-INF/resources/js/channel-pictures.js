import { api } from './api.js';
import { h } from './dom.js';
import { readEvents } from './events.js';

/** Channel pictures of a page that shows many channels: each rendered alone, small. */
export const PICTURE_DEFAULTS = { size: 128, steps: 256 };
const PER_JOB = 16; // channels one batched render job takes ("L:c1;L:c2;...")

/** A channel's page; `picture` ({job, index}), when known, is the visualization it shows. */
export function channelHref(model, layer, channel, picture) {
  const query = picture ? `?${new URLSearchParams({ job: picture.job, index: picture.index })}` : '';
  return `#/channel/${encodeURIComponent(model)}/${encodeURIComponent(layer)}/${channel}${query}`;
}

/**
 * The feature visualizations of a layer's channels, for pages that show many of them (an
 * explanation's dictionary and groups). A channel's picture is an earlier render of it at the
 * same size (`GET /v1/gallery`, alone or as a batch element), else it is rendered: the missing
 * channels are queued and rendered by one batched job at a time, whose frames show as they arrive.
 * figure(channel) returns an element that shows the picture once known and links to the channel's
 * page; want(channels) asks for pictures, most wanted first.
 */
export function channelPictures({ model, layer, size, steps }, signal, onNote) {
  const found = new Map();   // channel -> {url, job, index}
  const asked = new Set();   // channels looked up or queued
  const queue = [];          // channels with no picture yet, waiting for a render job
  const figures = new Map(); // channel -> the elements showing it
  let rendering = false;
  let lookingUp = 0;         // want() calls still asking the gallery: their misses join one job

  function draw(element, channel) {
    const picture = found.get(channel);
    element.href = channelHref(model, layer, channel, found.get(channel));
    const shown = element.querySelector('img');
    if (picture && shown) {
      // a later frame: the browser shows the earlier one until it has loaded, never a blank
      shown.src = picture.url;
      return;
    }
    element.replaceChildren(
      picture ? h('img', { src: picture.url, alt: `${layer} channel ${channel}`, width: size, height: size })
        : h('span', { class: 'no-picture', 'aria-hidden': 'true' }, queue.includes(channel) || rendering ? '…' : ''),
      h('span', { class: 'channel-number' }, `#${channel}`));
  }

  function put(channel, picture) {
    found.set(channel, picture);
    for (const element of figures.get(channel) ?? []) {
      // a page redraws its lists as the user points around: forget the figures it dropped
      if (element.isConnected) draw(element, channel);
      else figures.get(channel).delete(element);
    }
  }

  async function lookUp(channel) {
    const { items } = await api.gallery({ model, objective: `${layer}:${channel}`, limit: 20 });
    const same = items.find((item) => item.width === size);
    if (same) put(channel, { url: same.url, job: same.job_id, index: same.batch_index });
    return Boolean(same);
  }

  async function renderQueued() {
    if (rendering || !queue.length || signal.aborted) return;
    rendering = true;
    const group = queue.splice(0, PER_JOB);
    try {
      const { id } = await api.submit({
        model, objective: group.map((c) => `${layer}:${c}`).join(';'), batch: group.length, size, steps,
      });
      onNote(`Rendering ${group.length} channel pictures (job ${id.slice(0, 8)})…`);
      await readEvents(api.eventsPath(id), (name, data) => {
        if (name === 'frame') put(group[data.batch_index], { url: data.url, job: id, index: data.batch_index });
        if (name === 'status' && ['FAILED', 'CANCELLED'].includes(data.status)) {
          onNote(`Channel pictures ${data.status}: ${data.reason ?? ''}`);
        }
      }, signal);
      if (!queue.length) onNote('');
    } catch (error) {
      if (!signal.aborted) onNote(`Channel pictures: ${error.message}`);
    } finally {
      rendering = false;
    }
    renderQueued();
  }

  return {
    figure(channel) {
      const element = h('a', { class: 'channel-picture', 'data-channel': channel });
      if (!figures.has(channel)) figures.set(channel, new Set());
      figures.get(channel).add(element);
      draw(element, channel);
      return element;
    },
    /** Looks the channels up, queues the ones never rendered at this size, renders them. */
    async want(channels) {
      const fresh = [...new Set(channels)].filter((c) => !asked.has(c));
      fresh.forEach((c) => asked.add(c));
      lookingUp++;
      try {
        const known = await Promise.all(fresh.map(lookUp));
        queue.push(...fresh.filter((_, i) => !known[i]));
      } catch (error) {
        if (!signal.aborted) onNote(`Channel pictures: ${error.message}`);
      } finally {
        lookingUp--;
      }
      if (!lookingUp) renderQueued();
    },
  };
}
