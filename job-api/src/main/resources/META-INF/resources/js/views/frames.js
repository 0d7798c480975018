import { h } from '../dom.js';

/**
 * The frames of a job as a grid: one row per threshold step, one column per batch element.
 * put(artifact) adds or replaces a frame, so live frames and the finished job's list share it.
 */
export function frameGrid(request) {
  const steps = request.thresholds ?? [];
  const batch = request.batch ?? 1;
  const objectives = (request.objective ?? '').split(';').map((term) => term.trim());
  const cells = new Map();
  const table = h('table', { class: 'frames' },
    h('caption', {}, 'Frames by step and batch element'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Step'),
      Array.from({ length: batch }, (_, i) => h('th', { scope: 'col' },
        batch > 1 && objectives[i] ? `#${i} ${objectives[i]}` : `#${i}`)))),
    h('tbody', {}, steps.map((step) => h('tr', {}, h('th', { scope: 'row' }, String(step)),
      Array.from({ length: batch }, (_, i) => {
        const cell = h('td', { 'data-step': step, 'data-batch': i }, h('span', { class: 'pending' }, '…'));
        cells.set(`${step}/${i}`, cell);
        return cell;
      })))));

  return {
    element: table,
    put(artifact) {
      const cell = cells.get(`${artifact.step}/${artifact.batch_index}`);
      if (!cell) return;
      const name = `step ${artifact.step}, batch element ${artifact.batch_index}`;
      const value = artifact.objective_value;
      cell.replaceChildren(
        h('img', { src: artifact.url, alt: name, width: request.size, height: request.size }),
        h('div', { class: 'frame-meta' },
          value === null || value === undefined ? '' : `${value.toPrecision(4)} `,
          h('a', { href: artifact.url, download: `${artifact.object_key?.split('/').pop() ?? 'frame.png'}` },
            'PNG', h('span', { class: 'visually-hidden' }, ` of ${name}`))));
    },
  };
}

/** An interpolation in words: its objectives are generated from these two (one per frame). */
export function interpolationText({ from, to, frames }) {
  return [h('code', {}, from), h('span', { 'aria-hidden': 'true' }, ' → '),
    h('span', { class: 'visually-hidden' }, ' to '), h('code', {}, to), ` in ${frames} frames`];
}

/**
 * The frames of an interpolation as one strip, from its first objective to its last: each cell
 * shows its element's newest frame, so the strip fills while the job runs and ends on the finals.
 */
export function interpolationStrip(request) {
  const { frames } = request.interpolate;
  const shownStep = new Map();
  const cells = Array.from({ length: frames }, (_, i) => h('li', { 'data-batch': i },
    h('span', { class: 'pending' }, '…'),
    h('span', { class: 'frame-meta' }, `t = ${(i / (frames - 1)).toFixed(2)}`)));
  const element = h('figure', { class: 'strip-figure' },
    h('ol', { class: 'strip', start: 0 }, cells),
    h('figcaption', {}, interpolationText(request.interpolate)));

  return {
    element,
    put(artifact) {
      const i = artifact.batch_index;
      if (!cells[i] || (shownStep.get(i) ?? -1) > artifact.step) return;
      shownStep.set(i, artifact.step);
      cells[i].firstChild.replaceWith(h('img', {
        src: artifact.url, alt: `frame ${i + 1} of ${frames}, step ${artifact.step}`,
        width: request.size, height: request.size, 'data-step': artifact.step,
      }));
    },
  };
}
