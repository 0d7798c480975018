import { h } from '../dom.js';

const KEYS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * The heatmap (the attribution of each position of the layer, over the image) and its semantic
 * dictionary: pointing at a position (mouse, touch, or the arrow keys once focused) lists the
 * channels that contribute most there, with their pictures. Starts on the strongest position.
 * Returns {element, dictionary, put(artifact), shownChannels()}.
 */
export function heatmapPanel(job, pictures) {
  const { explanation } = job;
  const image = h('span', { class: 'pending' }, 'The heatmap arrives first…');
  const mark = h('span', { class: 'position-mark', 'aria-hidden': 'true', hidden: true });
  const surface = h('div', { class: 'heatmap' }, image, mark);
  const dictionary = h('section', { class: 'dictionary', 'aria-labelledby': 'dictionary-heading', 'aria-live': 'polite' },
    h('h2', { id: 'dictionary-heading' }, 'Semantic dictionary'),
    h('p', { class: 'hint' }, explanation ? '' : 'Shown when the job has finished.'));
  const element = h('section', { class: 'heatmap-panel', 'aria-labelledby': 'heatmap-heading' },
    h('h2', { id: 'heatmap-heading' }, 'Where the class comes from'),
    surface,
    h('p', { class: 'hint' }, explanation
      ? `Attribution of each of the ${explanation.grid_width}×${explanation.grid_height} positions of `
        + `the layer. Point at a position, or focus the map and use the arrow keys.` : ''));
  let selected = null;

  function showImage(artifact) {
    surface.firstChild.replaceWith(h('img', {
      src: artifact.url, alt: `attribution heatmap of ${job.request.explain.image}`, width: 320, draggable: 'false',
    }));
  }

  if (explanation) {
    const { grid_width: width, grid_height: height, positions } = explanation;
    const largest = Math.max(...positions.map((p) => Math.abs(p.attribution)), Number.MIN_VALUE);
    const ranked = positions.map((p, i) => i).sort((a, b) => positions[b].attribution - positions[a].attribution);

    const select = (x, y) => {
      const index = y * width + x;
      if (index === selected) return;
      selected = index;
      const position = positions[index];
      Object.assign(mark.style, {
        left: `${(100 * x) / width}%`, top: `${(100 * y) / height}%`,
        width: `${100 / width}%`, height: `${100 / height}%`,
      });
      mark.hidden = false;
      surface.setAttribute('aria-label', `heatmap; position ${x}, ${y} chosen`);
      dictionary.replaceChildren(
        h('h2', { id: 'dictionary-heading' }, `Position (${x}, ${y})`),
        h('p', { class: 'hint' }, `attribution ${position.attribution.toPrecision(3)}, `
          + `${Math.round((100 * position.attribution) / largest)} % of the strongest; `
          + `rank ${ranked.indexOf(index) + 1} of ${positions.length}. Its strongest channels:`),
        h('ol', { class: 'channel-pictures' }, position.channels.map((c) => h('li', {}, pictures.figure(c)))));
      pictures.want(position.channels);
    };
    const pointAt = (event) => {
      const box = surface.getBoundingClientRect();
      const x = Math.floor(((event.clientX - box.left) / box.width) * width);
      const y = Math.floor(((event.clientY - box.top) / box.height) * height);
      if (x >= 0 && x < width && y >= 0 && y < height) select(x, y);
    };
    surface.tabIndex = 0;
    surface.setAttribute('role', 'application');
    surface.setAttribute('aria-roledescription', 'heatmap');
    surface.addEventListener('pointermove', pointAt);
    surface.addEventListener('pointerdown', pointAt);
    surface.addEventListener('keydown', (event) => {
      const move = KEYS[event.key];
      if (!move) return;
      event.preventDefault();
      const x = Math.min(width - 1, Math.max(0, (selected % width) + move[0]));
      const y = Math.min(height - 1, Math.max(0, Math.floor(selected / width) + move[1]));
      select(x, y);
    });
    select(positions[ranked[0]].x, positions[ranked[0]].y);
  }

  return {
    element,
    dictionary,
    put(artifact) { if (artifact.final) showImage(artifact); },
    /** The channels of the position shown now. */
    shownChannels: () => (selected === null ? [] : explanation.positions[selected].channels),
  };
}
