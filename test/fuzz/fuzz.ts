// Shared assertions of the fuzz suites: what every outcome of an entry point must look like.
import fc from 'fast-check';
import { expect } from 'vitest';
import { VigieInputError, type InputKind } from '../../src/index.js';
import { RUNS } from './arbitraries.js';

/**
 * CI runs a fixed seed so that a commit is green or red for good; VIGIE_FUZZ_SEED=random (or
 * another number) explores new inputs. A failure prints its seed and shrunk counterexample.
 */
const SEED = process.env.VIGIE_FUZZ_SEED === 'random' ? undefined : Number(process.env.VIGIE_FUZZ_SEED ?? 20_261_122);

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

/**
 * Runs a property RUNS times and prints how many inputs it saw (`fuzz: NAME N inputs`), the
 * figure CI shows. A failure prints fast-check's seed and the shrunk counterexample.
 */
export async function fuzz<T>(name: string, arb: fc.Arbitrary<T>, check: (input: T) => Outcome | void | Promise<Outcome | void>): Promise<void> {
  let count = 0;
  const outcomes: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      count++;
      const label = (await check(input)) ?? 'ok';
      outcomes[label] = (outcomes[label] ?? 0) + 1;
      if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTOTYPE_KEYS || ({} as Record<string, unknown>).polluted !== undefined) {
        throw new Error('Object.prototype was changed');
      }
    }),
    { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
  );
  // Counted over every run, shrinking included: the split shows both valid and hostile inputs are exercised.
  const split = Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`fuzz: ${name} ${count} inputs (${split})${SEED === undefined ? '' : `, seed ${SEED}`}`);
  expect(count).toBe(RUNS);
}

/** How an input ended: accepted (a config, a report, a rule set) or rejected with located issues. */
export type Outcome = 'accepted' | 'rejected';

/** Runs `fn`; a VigieInputError of the expected kind is an answer, anything else thrown fails the property. */
export async function outcome<T>(fn: () => T | Promise<T>, kinds: InputKind[]): Promise<{ value: T } | { error: VigieInputError }> {
  try {
    return { value: await fn() };
  } catch (e) {
    if (e instanceof VigieInputError && kinds.includes(e.kind)) return { error: e };
    throw e;
  }
}

/** Every issue located: in a file (line and column from 1, the file named) and/or by a JSON Pointer. */
export function assertLocated(error: VigieInputError, options: { files?: string[]; pointer?: boolean } = {}): void {
  if (error.issues.length === 0) throw new Error('a VigieInputError with no issue');
  for (const issue of error.issues) {
    if (typeof issue.code !== 'string' || issue.code === '' || typeof issue.message !== 'string' || issue.message === '') throw new Error(`issue without code or message: ${JSON.stringify(issue)}`);
    if (options.files) {
      const l = issue.location;
      if (!l || !options.files.includes(l.file!) || !(l.line >= 1) || !(l.column >= 1)) throw new Error(`issue not located in a file: ${JSON.stringify(issue)}`);
    }
    if (options.pointer && (typeof issue.pointer !== 'string' || !(issue.pointer === '' || issue.pointer.startsWith('/')))) {
      throw new Error(`issue without a JSON Pointer: ${JSON.stringify(issue)}`);
    }
  }
}
