import { api, TERMINAL } from '../api.js';
import { parseChannelTerm } from '../channel-term.js';
import { objectiveChart } from '../chart.js';
import { h, show } from '../dom.js';
import { readEvents } from '../events.js';
import { exampleList } from './examples.js';
import { renderExplanation } from './explanation.js';
import { frameGrid, interpolationStrip, interpolationText } from './frames.js';

/**
 * One job: status, objective chart, frames (live while it runs) and a cancel button. A
 * dataset-examples job shows its ranked crops instead of frames by step, an interpolation its
 * frames as one strip, and an explain job is shown as its explanation.
 */
export async function renderJob(view, id) {
  const job = await api.job(id);
  if (job.kind === 'explain') return renderExplanation(view, job);
  const request = job.request;
  const status = h('output', { class: `status status-${job.status}`, 'aria-live': 'polite' }, job.status);
  const progress = h('progress', { max: request.steps, value: job.progress?.step ?? 0 });
  const reason = h('p', { class: 'reason' }, job.reason ?? '');
  const examples = job.kind === 'dataset_examples';
  const chart = objectiveChart(request.steps);
  const grid = examples ? exampleList()
    : request.interpolate ? interpolationStrip(request) : frameGrid(request);
  const cancel = h('button', { type: 'button', class: 'danger', onclick: () => cancelJob() }, 'Cancel');
  const streaming = new AbortController();

  for (const [step, value] of Object.entries(job.objective_values ?? {})) chart.add(Number(step), value);
  for (const artifact of job.artifacts ?? []) grid.put(artifact);

  function setStatus(value, why) {
    status.textContent = value;
    status.className = `status status-${value}`;
    if (why) reason.textContent = why;
    cancel.hidden = TERMINAL.includes(value);
  }

  async function cancelJob() {
    cancel.disabled = true;
    try {
      await api.cancel(id);
      reason.textContent = 'Cancellation requested';
    } catch (error) {
      reason.textContent = error.message;
    }
  }

  function onEvent(name, data) {
    if (name === 'status') setStatus(data.status, data.reason);
    else if (name === 'progress') {
      progress.value = data.step;
      chart.add(data.step, data.objective_value);
    } else if (name === 'frame') grid.put(data);
  }

  async function follow() {
    try {
      await readEvents(api.eventsPath(id), onEvent, streaming.signal);
      // the stream ends after the final frames: reload for fresh URLs and the final values
      if (!streaming.signal.aborted) renderJob(view, id);
    } catch (error) {
      if (!streaming.signal.aborted) reason.textContent = `Live updates stopped: ${error.message}`;
    }
  }

  setStatus(job.status, job.reason);
  show(view,
    h('h1', {}, 'Job ', h('code', {}, id)),
    h('dl', { class: 'summary' },
      h('dt', {}, 'Status'), h('dd', {}, status, ' ', progress, ' ', cancel),
      h('dt', {}, 'Model'), h('dd', {}, request.model),
      h('dt', {}, 'Objective'), h('dd', {}, request.interpolate
        ? ['interpolation: ', ...interpolationText(request.interpolate)] : h('code', {}, request.objective)),
      h('dt', {}, 'Settings'), h('dd', {}, examples
        ? `the ${Math.min(request.top_k, request.steps)} best of ${request.steps} images in ${request.dataset}`
        : `${request.size} px, ${request.steps} steps, batch ${request.batch}, seed ${request.seed}, `
          + `lr ${request.lr}, ${request.param}, transforms ${request.transforms}`),
      h('dt', {}, 'Created'), h('dd', {}, new Date(job.created_at).toLocaleString())),
    reason,
    examples ? null : chart.element,
    grid.element,
    h('p', {}, examples ? channelLink(request) : h('a', { href: `#/submit?${resubmitQuery(request)}` }, 'Submit again with changes')));

  if (!TERMINAL.includes(job.status)) follow();
  return () => streaming.abort();
}

/** The submit form's address filled with this job's model and objective (or interpolation). */
function resubmitQuery(request) {
  const { interpolate } = request;
  return new URLSearchParams(interpolate
    ? { model: request.model, objective: interpolate.from, to: interpolate.to, frames: interpolate.frames }
    : { model: request.model, objective: request.objective });
}

/** The page of the channel a dataset-examples job searched for (its objective is LAYER:CH). */
function channelLink(request) {
  const unit = parseChannelTerm(request.objective);
  if (!unit) return null;
  return h('a', { href: `#/channel/${encodeURIComponent(request.model)}/${encodeURIComponent(unit.layer)}/${unit.channel}` },
    'The channel, with its visualization and other image sets');
}
