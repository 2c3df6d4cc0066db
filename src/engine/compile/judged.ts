/**
 * A node's judgement packed in one number: its Kleene truth (T, F or U) and two flags telling what
 * json-rules-engine's promise resolves to for it (see evaluateNode in conditions.ts): `=== true`,
 * and truthy (which `not` reads). Packed rather than returned as an object so that judging
 * allocates nothing.
 */
export type Judged = number;
export const T = 1;
export const F = 2;
export const U = 3;
export const TRUTH = 3;
export const STRICT_TRUE = 4;
export const TRUTHY = 8;
export const PASSES = STRICT_TRUE | TRUTHY;

/** Kleene's all (absorbing F) or any (absorbing T) of the truths seen, as bits 1 << T, 1 << F, 1 << U. */
export function combine(seen: number, absorbing: number, otherwise: number): number {
  if (seen & (1 << absorbing)) return absorbing;
  return seen & (1 << U) ? U : otherwise;
}

/**
 * The truths a group's skipped children add (as bits 1 << truth), for evaluation stopping before
 * each of its priority sets: a skipped node has no result, so its leaves are unknown and an empty
 * group keeps its own truth (`still`, one per child).
 */
export function skippedTruths(sets: readonly number[][], still: readonly number[]): number[] {
  return sets.map((_, j) => sets.slice(j).flat().reduce((bits, i) => bits | (1 << still[i]!), 0));
}
