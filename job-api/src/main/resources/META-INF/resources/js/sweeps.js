import { api, ApiError, SWEEP_TERMINAL } from './api.js';
import { h } from './dom.js';
import { readEvents } from './events.js';
import { clearProblem, numberField, showProblem } from './form.js';

// The settings the page sweeps a layer with until the user picks others: the model page and the
// atlas share them, so a layer swept on one is found by the other.
const DEFAULT_SETTINGS = { size: 64, steps: 128 };
// The render settings the page does not ask for: sent as the API's defaults (its OpenAPI
// document's), so that a sweep made elsewhere with others (./fv sweep --seed 7) is not followed.
const RENDER_SETTINGS = ['seed', 'lr', 'param', 'decorrelate', 'transforms'];
const LIST_PAGES = 5;           // pages of a model's sweeps read (100 each), newest first
const RECONNECT_MS = 2000;      // wait before following a sweep again whose stream ended early

/** The model's sweeps, newest first, without their artifacts (GET /v1/sweeps?model=). */
export async function listSweeps(model) {
  const sweeps = [];
  let cursor = null;
  for (let page = 0; page < LIST_PAGES; page++) {
    const { items, next } = await api.sweeps({ model, limit: 100, ...(cursor ? { cursor } : {}) });
    sweeps.push(...items);
    if (!next) break;
    cursor = next;
  }
  return sweeps;
}

/**
 * Starts a sweep of whole layers: a list of names, or 'all' of the model's. Only the final image
 * of each channel is kept (thresholds: the last step): a sweep is looked at channel by channel,
 * not step by step.
 */
export function startSweep(model, layers, settings) {
  return api.startSweep({ model, layers, ...settings, thresholds: [settings.steps] });
}

/** The layer's entry ({layer, channels_total, channels_done}) in a sweep, if it sweeps it. */
export function layerOf(sweep, layer) {
  return sweep?.layers.find((l) => l.layer === layer);
}

/**
 * The newest sweep of the layer; with `settings` (the sweep form's values), the newest with
 * exactly those that covers all `channels` of the layer and did not fail or get cancelled: one
 * to follow instead of starting another.
 */
export function newestSweepOf(sweeps, layer, settings, channels) {
  return sweeps.find((sweep) => {
    const entry = layerOf(sweep, layer);
    if (!entry || !settings) return entry;
    return entry.channels_total === channels && ['queued', 'running', 'succeeded'].includes(sweep.status)
      && Object.entries(settings).every(([name, value]) => sweep.settings[name] === value);
  });
}

/**
 * Follows a sweep until it ends: onView(view) with its view (its counts, and the artifacts of
 * `layer`) once the event stream is open and again when it ends, onProgress(event) per channel
 * finished in between ({status, channels_done, channels_total, layer, channel, url}). A stream
 * that ends before the sweep does is opened again. Resolves with the final view, or null once
 * `signal` aborts.
 */
export async function followSweep(id, { layer, onView, onProgress }, signal) {
  const refresh = async () => {
    const view = await api.sweep(id, layer);
    if (!signal.aborted) onView(view);
    return view;
  };
  for (;;) {
    await readEvents(api.sweepEventsPath(id), (name, data) => {
      if (data.channel !== undefined && data.channel !== null) onProgress(data);
    }, signal, refresh).catch((error) => {
      if (!signal.aborted) console.warn(`sweep ${id} events: ${error.message}`);
    });
    if (signal.aborted) return null;
    const view = await refresh();
    if (SWEEP_TERMINAL.includes(view.status)) return view;
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
  }
}

/**
 * The render settings a layer of `model` is swept with (size, steps: the bounds the API publishes
 * for a job's, the size's a multiple of the model's input), as a form (id `sweep-settings`) whose
 * submission starts the sweep: by its own button when `label` is given, else by buttons elsewhere
 * that name the form. start(settings, button) starts or finds the sweep; the API's refusals show
 * beside the field.
 */
export async function sweepSettingsForm(model, label, start) {
  const fields = await api.jobFields();
  const multiple = fields.size?.['x-maximum-input-size-multiple'];
  const sizeBounds = multiple ? { ...fields.size, maximum: multiple * model.input_size } : fields.size;
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const form = h('form', { id: 'sweep-settings', class: 'settings sweep-settings', novalidate: true },
    numberField({ ...fields, size: sizeBounds }, 'size', 'Size (px)', DEFAULT_SETTINGS.size),
    numberField(fields, 'steps', 'Steps', DEFAULT_SETTINGS.steps),
    label ? h('button', { type: 'submit' }, label) : null, formError);
  const defaults = Object.fromEntries(RENDER_SETTINGS.map((name) => [name, fields[name]?.default]));
  const values = () => ({
    size: Number(form.elements.size.value), steps: Number(form.elements.steps.value), ...defaults,
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form, formError);
    const button = event.submitter;
    button.disabled = true;
    try {
      await start(values(), button);
    } catch (error) {
      if (error instanceof ApiError) showProblem(form, formError, error);
      else formError.textContent = error.message;
    } finally {
      button.disabled = false;
    }
  });
  return {
    element: form,
    /** Shows the settings of a sweep in the form. */
    set({ size, steps }) {
      form.elements.size.value = size;
      form.elements.steps.value = steps;
    },
  };
}

/** A sweep's status, a bar of its channels done and the count, updated in place. */
export function sweepProgress() {
  const status = h('span', { class: 'status' });
  const bar = h('progress', { max: 1, value: 0 });
  const count = h('span', { class: 'count' });
  const element = h('span', { class: 'sweep-progress', 'aria-live': 'polite' }, status, bar, count);
  return {
    element,
    update(status_, done, total) {
      status.textContent = status_;
      status.className = `status status-${status_.toUpperCase()}`;
      bar.max = Math.max(total, 1);
      bar.value = done;
      count.textContent = `${done} of ${total} channels`;
    },
  };
}

/** `64 px, 128 steps, seed 0`: what a sweep renders with. */
export function settingsText(settings) {
  // the seed too: sweeps of a layer differing only in it (./fv sweep --seed) are told apart
  return `${settings.size} px, ${settings.steps} steps, seed ${settings.seed}`;
}

/** The page of one channel; its image the sweep's (job and batch element), when known. */
export function channelHref(model, layer, channel, artifact) {
  const query = artifact?.job_id
    ? `?${new URLSearchParams({ job: artifact.job_id, index: artifact.batch_index ?? 0 })}` : '';
  return `#/channel/${encodeURIComponent(model)}/${encodeURIComponent(layer)}/${channel}${query}`;
}
