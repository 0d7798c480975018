import { h, show } from '../dom.js';

/**
 * Shown instead of a view while the page has no key, or the API refused the stored one (a local
 * stack makes a new key each time it starts): how to get a key, and a box to paste one.
 * signIn(key) stores the key and shows the page.
 */
export function renderSignIn(view, { refused, signIn }) {
  const input = h('input', { id: 'sign-in-key', type: 'password', autocomplete: 'off', required: true });
  const form = h('form', { class: 'sign-in-form' },
    h('label', { for: 'sign-in-key' }, 'Or paste an API key'), input,
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) signIn(input.value);
  });
  show(view, h('section', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in to see your jobs'),
    refused ? h('p', { role: 'alert', class: 'form-error' },
      'The API refused the stored key. A local stack makes a new key each time it starts.') : null,
    h('p', {}, 'This page needs an API key. On the machine that runs the local stack:'),
    h('ol', {},
      h('li', {}, 'Run ', h('code', {}, './fv up'), ', or ', h('code', {}, './fv status'),
        ' when the stack already runs.'),
      h('li', {}, 'Open the link it prints, ',
        h('code', {}, `page: ${location.origin}${location.pathname}#key=…`),
        ' (', h('code', {}, 'page_url'), ' in the status): it signs this page in.')),
    form));
}
