const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `value` with `defaults` filling what it does not state, recursively into objects; neither is modified. */
export function mergeUnder(defaults: unknown, value: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(value)) return value === undefined ? defaults : value;
  const out: Record<string, unknown> = {};
  for (const k in defaults) if (hasOwn(defaults, k)) setOwn(out, k, defaults[k]);
  for (const k in value) {
    if (!hasOwn(value, k)) continue;
    const v = value[k];
    setOwn(out, k, isPlainObject(v) || v === undefined ? mergeUnder(defaults[k], v) : v);
  }
  return out;
}

/**
 * `(value) => mergeUnder(defaults, value)`, for one `defaults` merged under many values (the
 * camera defaults under each camera). The same result, made faster: the defaults' own keys are
 * copied with a spread, which V8 does in one step for objects of one shape, instead of key by key,
 * and so are those of each object inside them (`analytics`, `owner`), by mergers made once.
 * A spread also copies symbol keys, which mergeUnder does not: such defaults get mergeUnder itself.
 * What is spread is a copy of the defaults that is not frozen: V8 copies the shape of a frozen
 * object (parseConfig freezes the deployment) key by key, as it cannot give the copy its shape.
 */
export function merger(defaults: unknown): (value: unknown) => unknown {
  if (!isPlainObject(defaults) || Object.getOwnPropertySymbols(defaults).length > 0) return (value) => mergeUnder(defaults, value);
  // The keys whose default is an object, and their mergers: few, compared by identity (keys are internalized strings).
  const innerKeys: string[] = [];
  const innerMergers: Array<(value: unknown) => unknown> = [];
  for (const k of Object.keys(defaults)) {
    if (!isPlainObject(defaults[k])) continue;
    innerKeys.push(k);
    innerMergers.push(merger(defaults[k]));
  }
  const inheritedKeys = inheritedObjectKeys(defaults);
  if (inheritedKeys === undefined) return (value) => mergeUnder(defaults, value);
  // A spread defines a `__proto__` key as a plain property, as setOwn does.
  const unfrozen: Record<string, unknown> = { ...defaults };
  return (value) => {
    if (!isPlainObject(value)) return value === undefined ? defaults : value;
    const out: Record<string, unknown> = { ...unfrozen };
    for (const k in value) {
      if (!hasOwn(value, k)) continue;
      const v = value[k];
      // Decided by the key first: a value whose default is not an object replaces it whatever it is,
      // and is not looked into (its first read would wait for memory, for each object of a camera).
      let j = innerKeys.length - 1;
      while (j >= 0 && innerKeys[j] !== k) j--;
      if (j >= 0) setOwn(out, k, innerMergers[j]!(v));
      else if (v === undefined) setOwn(out, k, mergeUnder(defaults[k], v));
      else {
        // Not an own object of the defaults, but maybe one they inherit, which mergeUnder merges it with.
        let m = inheritedKeys.length - 1;
        while (m >= 0 && inheritedKeys[m] !== k) m--;
        setOwn(out, k, m >= 0 ? mergeUnder(defaults[k], v) : v);
      }
    }
    return out;
  };
}

/**
 * The names under which `defaults` read an object they do not own, through their prototypes (for
 * parsed defaults, `__proto__`, which reads Object.prototype): looked up once, as reading a name
 * the defaults lack, at each key of each camera, went the slow way. Undefined when reading one
 * throws (an accessor of an exotic prototype): mergeUnder then does every merge.
 */
function inheritedObjectKeys(defaults: Record<string, unknown>): string[] | undefined {
  const keys: string[] = [];
  try {
    for (let proto: object | null = Object.getPrototypeOf(defaults); proto !== null; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (!hasOwn(defaults, name) && !keys.includes(name) && isPlainObject(defaults[name])) keys.push(name);
      }
    }
  } catch {
    return undefined;
  }
  return keys;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** `out[k] = v`, except that a `__proto__` key stays a plain property instead of changing the prototype. */
function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}
