/**
 * h('tag', {attr: value, onclick: fn}, ...children): builds elements without innerHTML, so text
 * from the API (labels, reasons, objectives) can never become markup.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/**
 * Replaces the view's content and moves focus there, so screen readers hear the new page.
 * Null children are left out, as in h().
 */
export function show(view, ...children) {
  view.replaceChildren(...children.filter((child) => child !== null && child !== undefined));
  view.focus({ preventScroll: true });
}
