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
