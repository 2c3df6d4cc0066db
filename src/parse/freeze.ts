/**
 * Freezes parsed data and everything it holds, so that no one can change it afterwards (frozen
 * objects throw on assignment in strict mode). For what a parser made: plain objects and arrays,
 * possibly shared (YAML aliases). An object already frozen is skipped: data a parser has just
 * made is frozen by nothing else, and when this function freezes an object it queues its children.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else {
      for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return value;
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
