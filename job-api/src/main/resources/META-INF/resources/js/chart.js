import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 80;
const PAD = 4;

/**
 * A small line chart of the objective value by step. Returns {element, add(step, value)}; the
 * whole path is redrawn on each point, cheap at the few hundred points a job sends.
 */
export function objectiveChart(steps) {
  const points = [];
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  const path = document.createElementNS(SVG, 'path');
  svg.append(path);
  const caption = h('figcaption', {}, 'Objective value: no data yet');
  const element = h('figure', { class: 'chart-figure' }, svg, caption);

  function draw() {
    const values = points.map(([, value]) => value);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const span = high - low || 1;
    const x = (step) => PAD + ((WIDTH - 2 * PAD) * step) / Math.max(steps, 1);
    const y = (value) => HEIGHT - PAD - ((HEIGHT - 2 * PAD) * (value - low)) / span;
    path.setAttribute('d', points
      .map(([step, value], i) => `${i ? 'L' : 'M'}${x(step).toFixed(1)},${y(value).toFixed(1)}`)
      .join(''));
    const [lastStep, lastValue] = points[points.length - 1];
    const text = `Objective value ${lastValue.toPrecision(4)} at step ${lastStep} of ${steps}`
      + ` (range ${low.toPrecision(3)} to ${high.toPrecision(3)})`;
    caption.textContent = text;
    svg.setAttribute('aria-label', text);
  }

  return {
    element,
    add(step, value) {
      if (value === null || value === undefined) return;
      points.push([step, value]);
      points.sort((a, b) => a[0] - b[0]);
      draw();
    },
  };
}
