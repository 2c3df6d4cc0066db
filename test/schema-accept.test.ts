// The quick check that validateAgainst runs before Ajv (src/schema/accept.ts) must say "valid"
// exactly where Ajv does: never where Ajv would not (that would let an invalid input through), and
// on the valid inputs vigie meets (else it saves nothing).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { deploymentSchema, logEventSchema, validateConfig, waiversSchema } from '../src/index.js';
import { compileAcceptor, type AcceptorContext } from '../src/schema/accept.js';
import { waiverListSchema } from '../src/schema/waivers-schema.js';
import { acceptorOf, compileSchema } from '../src/schema/validate.js';
import { syntheticDeployment } from '../scripts/bench/deployment.mjs';
import { applyMutations, dateArb, fromSchema, mutationArb } from './fuzz/arbitraries.js';
import { anyDeployment, validDeployment } from './fuzz/deployments.js';

/** For schemas that use no format and no pattern. */
const NO_CONTEXT: AcceptorContext = {
  formats: {},
  pattern: () => {
    throw new Error('no pattern expected');
  },
};

const RUNS = Math.min(Number(process.env.VIGIE_FUZZ_RUNS ?? 4_000), 4_000);

function checks(schema: object) {
  const accept = acceptorOf(schema);
  if (!accept) throw new Error('no quick check for this schema');
  const ajv = compileSchema(schema);
  return { accept, ajv: (v: unknown) => ajv(v) === true };
}

/** The value with one of its arrays holding one of its items twice (what uniqueItems refuses). */
function withRepeatedItem(value: unknown, pick: number): unknown {
  const copy = structuredClone(value);
  const arrays: unknown[][] = [];
  const stack = [copy];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v) && v.length > 0) arrays.push(v);
    stack.push(...Object.values(v));
  }
  const target = arrays[pick % Math.max(arrays.length, 1)];
  target?.push(structuredClone(target[pick % target.length]));
  return copy;
}

/** Values of a schema, and as many mutated (wrong types, unknown and poisonous keys, deletions, repeated items). */
const mutated = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    valid,
    fc.tuple(valid, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([v, m]) => applyMutations(v, m)),
    fc.tuple(valid, fc.nat()).map(([v, pick]) => withRepeatedItem(v, pick)),
  );

const dateTime = dateArb.map((d) => `${d}T14:05:00+01:00`);
const logEvent = fromSchema(logEventSchema as never).chain((e) =>
  fc.record({ time: dateTime, received: dateTime }).map(({ time, received }) => {
    const event: Record<string, unknown> = { ...(e as Record<string, unknown>), time };
    if (event.requisition) event.requisition = { ...(event.requisition as object), received };
    if (event.footage) event.footage = { from: time };
    return event;
  }),
);

describe('quick schema check', () => {
  const cases: Array<[string, object, fc.Arbitrary<unknown>]> = [
    ['deployment', deploymentSchema, fc.oneof(anyDeployment, mutated(validDeployment), fc.anything())],
    ['camera defaults', deploymentSchema.properties.cameraDefaults, mutated(fromSchema(deploymentSchema.properties.cameraDefaults as never))],
    ['access-log event', logEventSchema, mutated(logEvent)],
    ['waivers file', waiversSchema, mutated(fromSchema(waiversSchema as never))],
    ['waivers option', waiverListSchema, mutated(fromSchema(waiverListSchema as never))],
  ];

  it.each(cases)('%s: valid exactly where Ajv says valid', (_name, schema, values) => {
    const { accept, ajv } = checks(schema);
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(values, (v) => {
        const expected = ajv(v);
        seen[expected ? 'valid' : 'invalid']++;
        expect(accept(v)).toBe(expected);
      }),
      { numRuns: RUNS, seed: 20_261_122 },
    );
    // Both answers were exercised, not only the easy one.
    expect(seen.valid).toBeGreaterThan(RUNS / 20);
    expect(seen.invalid).toBeGreaterThan(RUNS / 20);
  });

  it('accepts the seeded synthetic deployment of the bench, and says no once one value is wrong', () => {
    const { accept } = checks(deploymentSchema);
    const d = syntheticDeployment(300, 7) as { cameras: Array<Record<string, unknown>> };
    expect(accept(d)).toBe(true);
    d.cameras[299]!.commissioned = '2025-02-29';
    expect(accept(d)).toBe(false);
    expect(validateConfig(d)).toMatchObject([{ pointer: '/cameras/299/commissioned', message: 'not a valid date' }]);
  });

  it('counts string lengths in code points, as Ajv does', () => {
    const schema = { type: 'string', minLength: 2, maxLength: 3 };
    const accept = compileAcceptor(schema, NO_CONTEXT)!;
    const ajv = compileSchema(schema);
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', '🎥', '🎥🎥', '🎥🎥🎥', '🎥🎥🎥🎥', 'a🎥', '\uD800', '\uD800\uD800', '\uD800a🎥', '🎥🎥a']) {
      expect(accept(s), JSON.stringify(s)).toBe(ajv(s));
    }
  });
});

describe('quick schema check: what it leaves to Ajv', () => {
  const polluted = '__vigieTestPollution';
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>)[polluted];
    delete (Object.prototype as Record<string, unknown>).name;
  });

  it('has no check for a schema with a keyword it does not know', () => {
    expect(compileAcceptor({ type: 'object', patternProperties: { '^x': {} } }, NO_CONTEXT)).toBeUndefined();
    expect(compileAcceptor({ $ref: '#/definitions/x', definitions: { x: {} } }, NO_CONTEXT)).toBeUndefined();
    expect(compileAcceptor({ type: 'string', format: 'email' }, NO_CONTEXT)).toBeUndefined();
    expect(compileAcceptor({ type: 'object', properties: { constructor: { type: 'string' } } }, NO_CONTEXT)).toBeUndefined();
  });

  it('says no to objects that are not plain data; Ajv decides', () => {
    const { accept, ajv } = checks(deploymentSchema);
    class Deployment {
      name = 'x';
    }
    const instance = new Deployment();
    expect(accept(instance)).toBe(false);
    expect(ajv(instance)).toBe(true); // Ajv accepts it, so validateConfig does too: only time was lost

    const bare = Object.assign(Object.create(null), { cameras: [{ id: 'A' }] });
    expect(accept(bare)).toBe(true);
    expect(ajv(bare)).toBe(true);
  });

  it('checks a declared property even when it is not enumerable, as Ajv reads it', () => {
    const { accept, ajv } = checks(deploymentSchema);
    const hidden = { cameras: [{ id: 'A' }] };
    Object.defineProperty(hidden, 'name', { value: 42, enumerable: false });
    expect(ajv(hidden)).toBe(false);
    expect(accept(hidden)).toBe(false);
    const unknownHidden = { cameras: [{ id: 'A' }] };
    Object.defineProperty(unknownHidden, 'nmae', { value: 42, enumerable: false });
    expect(accept(unknownHidden)).toBe(false); // Ajv's for…in does not see it and accepts: Ajv decides
  });

  it('says no while Object.prototype carries something Ajv would read', () => {
    const { accept, ajv } = checks(deploymentSchema);
    const d = { cameras: [{ id: 'A' }] };
    expect(accept(d)).toBe(true);
    Object.defineProperty(Object.prototype, polluted, { value: 1, enumerable: true, configurable: true, writable: true });
    expect(ajv(d)).toBe(false); // Ajv's for…in sees the inherited key as an unknown one
    expect(accept(d)).toBe(false);
    delete (Object.prototype as Record<string, unknown>)[polluted];
    Object.defineProperty(Object.prototype, 'name', { value: 42, enumerable: false, configurable: true, writable: true });
    expect(ajv(d)).toBe(false); // Ajv reads the inherited name: not a non-empty string
    expect(accept(d)).toBe(false);
  });
});
