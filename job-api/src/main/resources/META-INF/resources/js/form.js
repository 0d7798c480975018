import { h } from './dom.js';

/** A labelled control with a hint and a slot for the API's message about it. */
export function field(name, label, control, hint) {
  control.setAttribute('aria-describedby', `${name}-hint ${name}-error`);
  return h('div', { class: 'field' },
    h('label', { for: control.id }, label), control,
    h('small', { id: `${name}-hint`, class: 'hint' }, hint ?? ''),
    h('p', { id: `${name}-error`, class: 'field-error', role: 'alert' }));
}

/**
 * A number field with the range the API publishes for it (`fields`: the JobSubmission schema's
 * properties); `name` is also the request's field, for the API's errors.
 */
export function numberField(fields, name, label, value, hint) {
  const { minimum: min, maximum: max } = fields[name] ?? {};
  return field(name, label, h('input', {
    id: name, name, type: 'number', value, min, max, required: true, inputmode: 'numeric',
  }), hint ?? rangeHint(min, max));
}

function rangeHint(min, max) {
  if (min === undefined) return '';
  return max === undefined ? `at least ${min}` : `${min} to ${max}`;
}

/** Clears the messages a refused submission left on the form. */
export function clearProblem(form, formError) {
  for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  formError.textContent = '';
}

/** Puts each error next to its field: `objective.terms[1].channel` belongs to `objective`. */
export function showProblem(form, formError, error) {
  const unplaced = [];
  for (const { field: path, message } of error.errors) {
    const name = (path ?? '').split(/[.[]/)[0];
    const slot = form.querySelector(`#${CSS.escape(name || '-')}-error`);
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
      form.elements[name]?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(path ? `${path}: ${message}` : message);
    }
  }
  formError.textContent = unplaced.length || !error.errors.length
    ? [error.message, ...unplaced].join(' — ') : '';
  form.querySelector('[aria-invalid]')?.focus();
}
