/**
 * A list kept to gather a few elements at a time, then copied at their number. A list grown by
 * `push` from empty has room for 16: made on each target for one to three elements (the leaves
 * that decided an outcome, the positions a find matched, the dates of a camera's acts), it was
 * about 150 bytes each time, which the garbage collector then cleared.
 */
export interface Gathering<T> {
  items: T[];
  count: number;
}

export function gathering<T>(): Gathering<T> {
  return { items: [], count: 0 };
}

/**
 * The elements gathered since the last take, in a list of their own; the gathering starts again.
 * With `forget`, it lets go of them too: a deployment's values must not stay alive in it.
 */
export function takeGathered<T>(g: Gathering<T>, forget: boolean): T[] {
  const out = g.items.slice(0, g.count);
  if (forget) dropGathered(g);
  else g.count = 0;
  return out;
}

/** Starts the gathering again, letting go of what it gathered. */
export function dropGathered<T>(g: Gathering<T>): void {
  for (let i = 0; i < g.count; i++) g.items[i] = undefined as T;
  g.count = 0;
}
