const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `value` with `defaults` filling what it does not state, recursively into objects; neither is modified. */
export function mergeUnder(defaults: unknown, value: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(value)) return value === undefined ? defaults : value;
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(defaults)) out[k] = v;
  for (const [k, v] of Object.entries(value)) out[k] = mergeUnder(defaults[k], v);
  return Object.setPrototypeOf(out, Object.prototype);
}
