import { api, TERMINAL } from '../api.js';
import { channelHref, channelPictures, PICTURE_DEFAULTS } from '../channel-pictures.js';
import { bar } from '../bars.js';
import { h, show } from '../dom.js';
import { readEvents } from '../events.js';
import { heatmapPanel } from './explain-heatmap.js';
import { neuronGroupList } from './explain-groups.js';

const RANKED_CHANNELS = 12; // channels listed with their attribution

/**
 * An explain job as its explanation: the class probabilities, the heatmap with its semantic
 * dictionary, the channels with most attribution and the neuron groups. The heatmap and the
 * groups' maps and visualizations show as their frames arrive; the numbers come with SUCCEEDED.
 * `query` may carry the channel pictures' size and steps (the form's advanced settings).
 */
export async function renderExplanation(view, job, query = new URLSearchParams()) {
  const streams = new AbortController();
  const { request } = job;
  const picturesNote = h('p', { class: 'hint pictures-note', 'aria-live': 'polite' });
  const pictures = channelPictures({
    model: request.model, layer: request.explain.layer,
    size: Number(query.get('size') ?? PICTURE_DEFAULTS.size),
    steps: Number(query.get('steps') ?? PICTURE_DEFAULTS.steps),
  }, streams.signal, (text) => { picturesNote.textContent = text; });

  function draw(current) {
    const parts = explanationParts(current, pictures);
    show(view, ...parts.elements, picturesNote);
    if (TERMINAL.includes(current.status)) return;
    readEvents(api.eventsPath(current.id), parts.onEvent, streams.signal)
      // the stream ends after the last frame and the numbers: reload for them and fresh URLs
      .then(async () => { if (!streams.signal.aborted) draw(await api.job(current.id)); })
      .catch((error) => {
        if (!streams.signal.aborted) parts.note(`Live updates stopped: ${error.message}`);
      });
  }

  draw(job);
  return () => streams.abort();
}

/** The page's parts for one state of the job, and what to do with its live events. */
function explanationParts(job, pictures) {
  const { request, explanation } = job;
  const spec = request.explain;
  const status = h('output', { class: `status status-${job.status}` }, job.status);
  const progress = h('progress', {
    max: request.steps, value: job.progress?.step ?? 0, hidden: TERMINAL.includes(job.status),
  });
  const reason = h('p', { class: 'reason', role: 'status' }, job.reason ?? '');
  const cancel = h('button', { type: 'button', class: 'danger', hidden: TERMINAL.includes(job.status),
    onclick: () => api.cancel(job.id).then(() => { reason.textContent = 'Cancellation requested'; },
      (error) => { reason.textContent = error.message; }) }, 'Cancel');
  const heatmap = heatmapPanel(job, pictures);
  const groups = neuronGroupList(job, pictures);
  const put = (artifact) => (artifact.batch_index === 0 ? heatmap.put(artifact) : groups.put(artifact));
  // the maps (step 0) first: they tell the groups found before the visualizations come
  [...job.artifacts ?? []].sort((a, b) => a.step - b.step).forEach(put);
  if (explanation) {
    // the pictures in view first: the strongest position's dictionary, then the groups' channels
    pictures.want([...heatmap.shownChannels(), ...explanation.groups.flatMap((g) => g.channels)]);
  }

  return {
    elements: [
      h('h1', {}, 'Explanation of ', h('code', {}, spec.image), ' at ', h('code', {}, spec.layer)),
      h('dl', { class: 'summary' },
        h('dt', {}, 'Status'), h('dd', {}, status, ' ', progress, ' ', cancel),
        h('dt', {}, 'Model'), h('dd', {}, request.model),
        h('dt', {}, 'Image'), h('dd', {}, spec.dataset ? `${spec.image} of the image set ${spec.dataset}` : `${spec.image} (uploaded)`),
        h('dt', {}, 'Method'), h('dd', {}, methodText(spec, explanation)),
        h('dt', {}, 'Job'), h('dd', {}, h('code', {}, job.id), ' ',
          new Date(job.created_at).toLocaleString())),
      reason,
      h('div', { class: 'explain-top' },
        heatmap.element,
        heatmap.dictionary,
        classScores(explanation)),
      explanation ? rankedChannels(explanation, request.model) : null,
      groups.element,
    ],
    onEvent(name, data) {
      if (name === 'status') {
        status.textContent = data.status;
        status.className = `status status-${data.status}`;
        if (data.reason) reason.textContent = data.reason;
        cancel.hidden = TERMINAL.includes(data.status);
        progress.hidden = cancel.hidden;
      } else if (name === 'progress') progress.value = data.step;
      else if (name === 'frame') put(data);
    },
    note(text) { reason.textContent = text; },
  };
}

function methodText(spec, explanation) {
  const method = spec.method === 'ig' ? `integrated gradients, ${spec.ig_steps} steps` : 'gradient × activation';
  const gap = explanation?.completeness?.gap;
  return gap === undefined ? method : `${method}; completeness gap ${(100 * gap).toFixed(2)} %`;
}

/** The most probable classes with their probabilities, the explained one marked. */
function classScores(explanation) {
  const section = h('section', { class: 'classes', 'aria-labelledby': 'classes-heading' },
    h('h2', { id: 'classes-heading' }, 'Classes'));
  if (!explanation) {
    section.append(h('p', { class: 'hint' }, 'Shown when the job has finished.'));
    return section;
  }
  const explained = explanation.class;
  const listed = explanation.top_classes.some((c) => c.index === explained.index)
    ? explanation.top_classes : [...explanation.top_classes, explained];
  section.append(h('ol', { class: 'bars' }, listed.map((c) => {
    const isExplained = c.index === explained.index;
    return h('li', { class: isExplained ? 'explained' : null, 'data-class': c.index },
      h('span', { class: 'bar-label' }, c.label ?? `class ${c.index}`,
        isExplained ? h('strong', { class: 'tag' }, 'explained') : null),
      bar(c.probability, 1),
      h('span', { class: 'bar-value' }, `${(100 * c.probability).toFixed(1)} %`));
  })), h('p', { class: 'hint' }, `Attributions are to the logit of ${explained.label ?? `class ${explained.index}`} `
    + `(${explained.logit.toFixed(2)}).`));
  return section;
}

/** The channels with most attribution, each linking to its page. */
function rankedChannels(explanation, model) {
  const top = explanation.channels.slice(0, RANKED_CHANNELS);
  const largest = Math.max(...explanation.channels.map((c) => Math.abs(c.attribution)), Number.MIN_VALUE);
  return h('section', { class: 'ranked', 'aria-labelledby': 'ranked-heading' },
    h('h2', { id: 'ranked-heading' }, `Channels with the most attribution (${top.length} of ${explanation.channels.length})`),
    h('ol', { class: 'bars' }, top.map((c) => h('li', { 'data-channel': c.channel },
      h('a', { class: 'bar-label', href: channelHref(model, explanation.layer, c.channel) }, `#${c.channel}`),
      bar(c.attribution, largest),
      h('span', { class: 'bar-value' }, c.attribution.toPrecision(3))))));
}
