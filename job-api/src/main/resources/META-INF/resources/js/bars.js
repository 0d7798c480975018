import { h } from './dom.js';

/** A horizontal bar for value / largest, in the colour of its sign; the number is written beside it. */
export function bar(value, largest) {
  const width = Math.min(100, (100 * Math.abs(value)) / largest);
  return h('span', { class: 'bar', 'aria-hidden': 'true' },
    h('span', { class: value < 0 ? 'negative' : 'positive', style: `width:${width.toFixed(1)}%` }));
}
