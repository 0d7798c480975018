import { h } from '../dom.js';

/**
 * The crops of a dataset-examples job, best first. Each shows the image it comes from, its
 * activation, and on demand the whole image with the crop's box drawn on it.
 * put(artifact) adds or replaces one, so live frames and a finished job's list share it.
 */
export function exampleList() {
  const list = h('ol', { class: 'examples', start: 0 });
  const items = new Map();

  return {
    element: list,
    get count() { return items.size; },
    put(artifact) {
      const example = artifact.example;
      if (!example) return;
      const rank = artifact.batch_index;
      const item = h('li', { 'data-rank': rank }, exampleFigure(artifact, example));
      items.get(rank)?.remove();
      items.set(rank, item);
      const after = [...items.keys()].filter((r) => r > rank).sort((a, b) => a - b)[0];
      list.insertBefore(item, after === undefined ? null : items.get(after));
    },
    clear() {
      items.clear();
      list.replaceChildren();
    },
  };
}

function exampleFigure(artifact, example) {
  const [x, y, width, height] = example.crop;
  const name = `${example.image}, crop at ${x},${y} size ${width}×${height}`;
  const context = h('details', { class: 'in-context' },
    h('summary', {}, 'In context'),
    h('div', { class: 'context-image' },
      h('img', { src: example.image_url, alt: `${example.image}, whole image`, loading: 'lazy' }),
      h('span', {
        class: 'crop-box', 'aria-hidden': 'true',
        style: `left:${pct(x, example.image_width)};top:${pct(y, example.image_height)};`
          + `width:${pct(width, example.image_width)};height:${pct(height, example.image_height)}`,
      })));
  return h('figure', {},
    h('img', { src: artifact.url, alt: name, width: 128, height: 128 }),
    h('figcaption', {},
      h('span', { class: 'rank' }, `#${artifact.batch_index + 1} `),
      h('span', { class: 'image-name' }, example.image),
      h('br'),
      h('span', { class: 'activation' }, `activation ${formatValue(artifact.objective_value)}`)),
    context);
}

function pct(part, whole) {
  return `${(100 * part / whole).toFixed(3)}%`;
}

function formatValue(value) {
  return value === null || value === undefined ? '–' : value.toPrecision(4);
}
