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
