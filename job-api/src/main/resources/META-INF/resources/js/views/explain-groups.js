import { h } from '../dom.js';
import { bar } from '../bars.js';

/**
 * Which picture of an explain job a group's frame is, by batch index (contracts' ExplainFrames):
 * 1+g group g's map over the image, 1+G+g group g's feature visualization, G the groups found.
 */
function groupFrame(batchIndex, groups) {
  const g = batchIndex - 1;
  return g < groups ? { group: g, kind: 'map' } : { group: g - groups, kind: 'visualization' };
}

/**
 * The neuron groups: per group where it fires (its map over the image), what it responds to (the
 * feature visualization of its direction, updated as frames arrive), its attribution to the class
 * and its strongest channels. Returns {element, put(artifact)} for the groups' frames.
 */
export function neuronGroupList(job, pictures) {
  const { request, explanation } = job;
  // A factorization may find fewer groups than asked; the groups found number the frames. Until
  // the numbers come, they are the maps: all sent at step 0, before any visualization.
  let count = explanation?.groups.length ?? request.explain.groups;
  let found = explanation ? count : 0;
  const numbers = explanation?.groups ?? [];
  const largest = Math.max(...numbers.map((g) => Math.abs(g.attribution)), Number.MIN_VALUE);
  const slots = Array.from({ length: count }, () => ({
    map: h('span', { class: 'pending' }, '…'),
    visualization: h('span', { class: 'pending' }, '…'),
    step: -1,
  }));
  const cards = slots.map((slot, g) => {
    const group = numbers[g];
    return h('li', { class: 'group', 'data-group': g },
      h('h3', {}, `Group ${g + 1}`),
      h('div', { class: 'group-pictures' },
        h('figure', {}, slot.map, h('figcaption', {}, 'where')),
        h('figure', {}, slot.visualization, h('figcaption', {}, 'what'))),
      group ? h('p', { class: 'group-attribution' }, bar(group.attribution, largest),
        h('span', {}, `attribution ${group.attribution.toPrecision(3)}`)) : null,
      group ? h('ol', { class: 'channel-pictures small', 'aria-label': `strongest channels of group ${g + 1}` },
        group.channels.map((c) => h('li', {}, pictures.figure(c)))) : null);
  });

  function put(artifact) {
    if (!explanation && artifact.step === 0) found = Math.max(found, artifact.batch_index);
    else if (found < count) dropGroupsFrom(found);
    const { group, kind } = groupFrame(artifact.batch_index, count);
    const slot = slots[group];
    if (!slot) return;
    if (kind === 'visualization') {
      if (artifact.step < slot.step) return;
      slot.step = artifact.step;
    }
    const picture = h('img', {
      src: artifact.url, width: 160, height: 160, 'data-step': artifact.step,
      alt: kind === 'map' ? `group ${group + 1} over the image` : `feature visualization of group ${group + 1}, step ${artifact.step}`,
    });
    slot[kind].replaceWith(picture);
    slot[kind] = picture;
  }

  function dropGroupsFrom(first) {
    cards.slice(first).forEach((card) => card.remove());
    count = first;
  }

  return {
    element: count === 0 ? null : h('section', { class: 'groups', 'aria-labelledby': 'groups-heading' },
      h('h2', { id: 'groups-heading' }, 'Neuron groups'),
      h('p', { class: 'hint' }, 'The layer\'s activations on this image factored into groups of channels '
        + 'that fire together: where each group fires, what it responds to, and how much it adds to the class.'),
      h('ol', { class: 'group-list' }, cards)),
    put,
  };
}
