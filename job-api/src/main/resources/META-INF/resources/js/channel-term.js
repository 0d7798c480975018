/** {layer, channel} of a one-channel objective term such as `mixed4:97` or `"a b":3`, else null. */
export function parseChannelTerm(term) {
  const match = term.trim().match(/^"?(.+?)"?:(\d+)$/);
  return match ? { layer: match[1], channel: Number(match[2]) } : null;
}
