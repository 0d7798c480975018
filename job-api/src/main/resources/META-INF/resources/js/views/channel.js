import { api, TERMINAL } from '../api.js';
import { h, show } from '../dom.js';
import { readEvents } from '../events.js';
import { datasetPicker } from './datasets.js';
import { exampleList } from './examples.js';

const RENDER = { size: 128, steps: 256 };

/**
 * One channel: its visualization beside the natural images that excite it most. The
 * visualization is the atlas's (?job=&index=), else the newest finished image of the channel,
 * rendered alone or as one element of a batched job, else rendered on request; examples are the newest finished search of the chosen image set,
 * else searched on request. Both searches are ordinary jobs.
 */
export async function renderChannel(view, model, layer, channel, query) {
  const streams = new AbortController();
  const objective = `${layer}:${channel}`;
  const unit = { model, layer, channel };

  const picture = h('div', { class: 'visualization' });
  const pictureNote = h('p', { class: 'hint', 'aria-live': 'polite' });
  const examples = exampleList();
  const topK = h('input', { id: 'top-k', type: 'number', min: 1, max: 64, value: 6 });
  const find = h('button', { type: 'button', onclick: () => findExamples() }, 'Find dataset examples');
  const progress = h('progress', { id: 'examples-progress', max: 1, value: 0, hidden: true });
  const examplesNote = h('p', { id: 'examples-note', 'aria-live': 'polite' });
  const picker = await datasetPicker(() => showCachedExamples());

  function showPicture(url, job) {
    picture.replaceChildren(
      h('img', { src: url, alt: `visualization of ${model} ${objective}`, width: 192, height: 192 }),
      h('a', { href: `#/jobs/${encodeURIComponent(job)}` }, 'Job'));
  }

  async function loadPicture() {
    const job = query.get('job');
    if (job) {
      const index = Number(query.get('index') ?? 0);
      const { artifacts } = await api.job(job);
      const frame = artifacts.find((a) => a.final && a.batch_index === index);
      if (frame) return showPicture(frame.url, job);
    }
    // rendered alone or as one element of a batch (the atlas renders eight channels a job)
    const { items } = await api.gallery({ model, objective, limit: 1 });
    if (items.length) return showPicture(items[0].url, items[0].job_id);
    picture.replaceChildren(h('button', { type: 'button', onclick: () => renderPicture() },
      'Render this channel'));
  }

  async function renderPicture() {
    try {
      const { id } = await api.submit({ model, objective, ...RENDER, thresholds: [64, 128, 256] });
      pictureNote.textContent = 'Rendering…';
      await readEvents(api.eventsPath(id), (name, data) => {
        if (name === 'frame') showPicture(data.url, id);
        if (name === 'status' && TERMINAL.includes(data.status)) {
          pictureNote.textContent = data.status === 'SUCCEEDED' ? '' : `${data.status}: ${data.reason ?? ''}`;
        }
      }, streams.signal);
    } catch (error) {
      if (!streams.signal.aborted) pictureNote.textContent = error.message;
    }
  }

  async function showCachedExamples() {
    examples.clear();
    const { items } = await api.jobs({ ...unit, kind: 'dataset_examples', status: 'SUCCEEDED', limit: 50 });
    const job = items.find((j) => j.request.dataset === picker.value);
    if (!job) {
      examplesNote.textContent = 'Not searched yet for this image set.';
      return;
    }
    (await api.job(job.id)).artifacts.forEach((a) => examples.put(a));
    noteFinished(job);
  }

  function noteFinished(job) {
    examplesNote.replaceChildren(`Top ${examples.count} of ${job.request.steps} images, from job `,
      h('a', { href: `#/jobs/${encodeURIComponent(job.id)}` }, job.id.slice(0, 8)), '.');
  }

  async function findExamples() {
    find.disabled = true;
    examples.clear();
    try {
      const { id } = await api.submit({
        kind: 'dataset_examples', model, objective, dataset: picker.value, top_k: Number(topK.value),
      });
      examplesNote.textContent = 'Queued…';
      progress.hidden = false;
      progress.value = 0;
      await readEvents(api.eventsPath(id), (name, data) => {
        if (name === 'progress' || name === 'status') {
          progress.max = data.steps || progress.max;
          progress.value = data.step ?? progress.value;
          examplesNote.textContent = name === 'status' && data.status !== 'RUNNING'
            ? `${data.status}${data.reason ? `: ${data.reason}` : ''}`
            : `Scoring images: ${progress.value} of ${progress.max}`;
        } else if (name === 'frame') examples.put(data);
      }, streams.signal);
      if (!streams.signal.aborted) {
        // the stream ends once the crops are stored: reload them with fresh URLs
        const job = await api.job(id);
        job.artifacts.forEach((a) => examples.put(a));
        if (job.status === 'SUCCEEDED') noteFinished(job);
      }
    } catch (error) {
      const fields = error.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
      if (!streams.signal.aborted) examplesNote.textContent = fields || error.message;
    } finally {
      progress.hidden = true;
      find.disabled = false;
    }
  }

  show(view,
    h('h1', {}, 'Channel ', h('code', {}, objective), ' of ', h('code', {}, model)),
    h('p', {}, h('a', { href: `#/atlas/${encodeURIComponent(model)}/${encodeURIComponent(layer)}` },
      `Back to the atlas of ${layer}`)),
    h('div', { class: 'channel-page' },
      h('section', { 'aria-labelledby': 'visualization-heading' },
        h('h2', { id: 'visualization-heading' }, 'Feature visualization'), picture, pictureNote),
      h('section', { 'aria-labelledby': 'examples-heading', class: 'dataset-examples' },
        h('h2', { id: 'examples-heading' }, 'Dataset examples'),
        h('p', { class: 'hint' }, 'The images of a set that excite this channel most, cropped around '
          + 'the position where it fires hardest.'),
        h('div', { class: 'toolbar' }, picker.element,
          h('div', { class: 'field' }, h('label', { for: 'top-k' }, 'How many'), topK), find),
        progress, examplesNote, examples.element)));
  await Promise.all([loadPicture(), showCachedExamples()]);
  return () => streams.abort();
}
