/**
 * Freezes parsed data and everything it holds, so that no one can change it afterwards (frozen
 * objects throw on assignment in strict mode). For what a parser made: plain objects and arrays,
 * possibly shared (YAML aliases). An object already frozen is skipped: data a parser has just
 * made is frozen by nothing else, and when this function freezes an object it queues its children.
 * Whether every object it met is plain data is noted on the way (see isPlainFrozen); an object
 * met frozen is taken to be one it froze itself, as above.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  let plain = true;
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Object.isFrozen(v)) {
      // Met again (a YAML alias): frozen, and looked at, when first met.
      if (!hasPlainPrototype(v)) plain = false;
      continue;
    }
    Object.freeze(v);
    if (!hasPlainPrototype(v)) plain = false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else {
      for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  if (plain && value !== null && typeof value === 'object') plainFrozen.add(value);
  return value;
}

/** Values deepFreeze froze, every object in them plain: they cannot change, so the answer holds for good. */
const plainFrozen = new WeakSet<object>();

/**
 * An array, or an object whose prototype is Object.prototype or null (not a class instance, a Map
 * or a Date): what such an object inherits is Object.prototype's, or nothing.
 */
function hasPlainPrototype(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) ? proto === Array.prototype : proto === Object.prototype || proto === null;
}

/**
 * Whether `value` is plain data, deep-frozen by deepFreeze: every object in it an array or an
 * object whose prototype is Object.prototype (or null), as JSON.parse and YAML make them, for good.
 */
export function isPlainFrozen(value: unknown): boolean {
  return value !== null && typeof value === 'object' && plainFrozen.has(value);
}

/**
 * Whether every object in `value` is an array or an object whose prototype is Object.prototype or
 * null (see isPlainFrozen), looked at now: for small values the caller may change (parameters).
 */
export function isPlainValue(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v) || plainFrozen.has(v)) continue;
    seen.add(v);
    if (!hasPlainPrototype(v)) return false;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push(v[i]);
    else for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return true;
}

/** Objects found deep-frozen: frozen objects cannot be thawed, so the answer holds for good. */
const deeplyFrozen = new WeakSet<object>();

/**
 * Whether nothing in `value` can change any more: it and every object it holds are frozen (as
 * deepFreeze leaves them). For caches kept across evaluations of the caller's objects.
 */
export function isDeepFrozen(value: unknown, visiting = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object' || deeplyFrozen.has(value) || visiting.has(value)) return true;
  if (!Object.isFrozen(value)) return false;
  visiting.add(value);
  for (const child of Array.isArray(value) ? value : Object.values(value)) if (!isDeepFrozen(child, visiting)) return false;
  deeplyFrozen.add(value);
  return true;
}
