import { headers } from './api.js';

/**
 * Reads a server-sent event stream with fetch instead of EventSource, which cannot send the
 * Authorization header. Calls onEvent(name, data) per event; resolves when the server ends the
 * stream, rejects on a network error. abort() stops it. onOpen() runs once the server has
 * accepted the stream: what happened before then is not in it, so a caller reads it there.
 */
export async function readEvents(path, onEvent, signal, onOpen) {
  const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal });
  if (!response.ok) throw new Error(`event stream: HTTP ${response.status}`);
  await onOpen?.();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end), onEvent);
      buffer = buffer.slice(end + 2);
    }
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length) onEvent(name, JSON.parse(data.join('\n')));
}
