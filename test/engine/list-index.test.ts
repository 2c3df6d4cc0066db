import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { derivations } from '../../src/engine/derivations/index.js';
import { descend, isFactRef, literal, type DerivedValue } from '../../src/engine/derivations/derivation.js';
import { elementPositionsOf, newRun, positionsOf } from '../../src/engine/derivations/list-index.js';
import { auditLogs, evaluate } from '../../src/index.js';
import { deepFreeze, isDeepFrozen } from '../../src/parse/freeze.js';

const AS_OF = '2026-01-15';

/**
 * Lists are indexed by identity (see list-index.ts). evaluate takes the caller's own deployment
 * without copying it, so a caller that changes it in place and evaluates again must get what a
 * fresh copy gets, not what the index of the old list says.
 */
describe('a deployment changed in place between two evaluations', () => {
  it('is evaluated as it is now', async () => {
    const { syntheticDeployment } = await import('../../scripts/bench/deployment.mjs');
    const data = syntheticDeployment(60, 42) as { authorizations: Array<{ reference: string; cameras: unknown }> };
    const options = { asOf: AS_OF, packs: ['fr-law'], findings: 'problems' as const };
    const first = await evaluate(data, options);
    // The same list and act objects, changed: an act now lists two other cameras, and the acts are in another order.
    const act = data.authorizations.find((a) => Array.isArray(a.cameras) && a.cameras.length > 2)!;
    act.cameras = ['CAM-000001', 'CAM-000002'];
    data.authorizations.reverse();
    const again = await evaluate(data, options);
    const fresh = await evaluate(structuredClone(data), options);
    expect(again.findings).toEqual(fresh.findings);
    expect(again.findings).not.toEqual(first.findings);
  });

  it('is audited as it is now', async () => {
    const data = parse(readFileSync(new URL('../../examples/csu-audit.yaml', import.meta.url), 'utf8')) as { roles: Array<{ id: string; kind: string }> };
    const text = readFileSync(new URL('../../examples/csu-access-log.jsonl', import.meta.url), 'utf8');
    const audit = async (d: unknown) => {
      const logs = [{ file: 'log.jsonl', lines: text.split('\n').map((t, i) => ({ line: i + 1, text: t })) }];
      return (await auditLogs(d as never, logs, { asOf: AS_OF })).findings;
    };
    const before = await audit(data);
    // The same list of roles, in another order, the operators' role now of a kind that may not replay.
    data.roles.reverse();
    data.roles.find((r) => r.id === 'operator')!.kind = 'other';
    const again = await audit(data);
    expect(again).toEqual(await audit(structuredClone(data)));
    expect(again).not.toEqual(before);
  });

  it('has its cameras merged over their defaults as they are now', async () => {
    const data = parse(readFileSync(new URL('../../examples/csu-audit.yaml', import.meta.url), 'utf8')) as { cameraDefaults: Record<string, unknown> };
    const text = readFileSync(new URL('../../examples/csu-access-log.jsonl', import.meta.url), 'utf8');
    const audit = async (d: unknown) => {
      const logs = [{ file: 'log.jsonl', lines: text.split('\n').map((t, i) => ({ line: i + 1, text: t })) }];
      return (await auditLogs(d as never, logs, { asOf: AS_OF })).findings;
    };
    const before = await audit(data);
    // The same defaults object: the cameras without a retention of their own now keep a few hours.
    data.cameraDefaults.retention = { hours: 2 };
    const again = await audit(data);
    expect(again).toEqual(await audit(structuredClone(data)));
    expect(again).not.toEqual(before);
  });
});

describe('list indexes', () => {
  const items = () => [{ id: 'a', tags: ['x'] }, { id: 'b', tags: ['y', 'x'] }, { id: 'a', tags: [] }];

  it('are made again in a new run for a list that is not frozen', () => {
    const list = items();
    newRun();
    expect(positionsOf(list, '/id').get('a')).toEqual([0, 2]);
    expect(elementPositionsOf(list, '/tags').get('x')).toEqual([0, 1]);
    list.reverse();
    newRun();
    expect(positionsOf(list, '/id').get('a')).toEqual([0, 2]);
    expect(positionsOf(list, '/id').get('b')).toEqual([1]);
    expect(elementPositionsOf(list, '/tags').get('x')).toEqual([1, 2]);
  });

  it('are kept across runs for a frozen list, and not for one with an item that is not', () => {
    const frozen = deepFreeze(items());
    const index = positionsOf(frozen, '/id');
    newRun();
    expect(positionsOf(frozen, '/id')).toBe(index);
    const tags = ['x'];
    const partly = Object.freeze([Object.freeze({ id: 'a', tags }), Object.freeze({ id: 'b', tags: Object.freeze(['x']) })]) as unknown as unknown[];
    const byTag = elementPositionsOf(partly, '/tags');
    expect(positionsOf(partly, '/id')).toBe(positionsOf(partly, '/id'));
    newRun();
    // The ids of frozen items cannot change; the elements of a list that is not frozen can.
    expect(elementPositionsOf(partly, '/tags')).not.toBe(byTag);
  });
});

describe('isDeepFrozen', () => {
  it('holds only when every object inside is frozen', () => {
    const inner = { days: 30 };
    expect(isDeepFrozen(Object.freeze({ retention: inner }))).toBe(false);
    expect(isDeepFrozen(deepFreeze({ retention: { days: 30 }, list: [{ a: [1] }] }))).toBe(true);
    expect(isDeepFrozen(Object.freeze([Object.freeze({}), []]))).toBe(false);
    expect(isDeepFrozen(42)).toBe(true);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(isDeepFrozen(Object.freeze(loop))).toBe(true);
  });
});

/**
 * find and filter, compiled once, work out what does not depend on the target once per list met
 * twice in a row (compileMatching in find.ts). Called on a sequence of frames that share their
 * lists, with the target's own values changing from call to call, each result must be what
 * compute gives for that frame.
 */
describe('find and filter on one list for many targets', () => {
  const item = fc.record({ id: fc.constantFrom('A', 'B', 'C'), cameras: fc.oneof(fc.constant('all'), fc.array(fc.constantFrom('A', 'B', 'C', 'all'), { maxLength: 3 })), kind: fc.constantFrom('x', 'y', Number.NaN) }, { requiredKeys: [] });
  const own = fc.oneof(fc.constantFrom(undefined, null, 'A', 'B', 'C', 'all', 'x', 'y', Number.NaN), fc.array(fc.constantFrom('A', 'B', 'x'), { maxLength: 2 }));
  const value = fc.oneof(fc.constantFrom('all', 'A', 'x', 'y', null, Number.NaN), fc.array(fc.constantFrom('A', 'x'), { maxLength: 2 }));
  const argument = fc.oneof(fc.constant({ fact: 't' }), fc.constant({ fact: 'u' }), value);
  const match = fc.record({ path: fc.constantFrom('/id', '/cameras', '/kind'), equals: argument, contains: argument, in: argument }, { requiredKeys: ['path'] });
  const args = fc.record({ in: fc.constant({ fact: 'list' }), where: fc.array(match, { minLength: 1, maxLength: 3 }), except: fc.array(match, { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['in', 'where'] });
  const frames = fc.array(fc.record({ t: own, u: own }), { minLength: 2, maxLength: 8 });

  for (const name of ['find', 'filter']) {
    it(name, () => {
      const d = derivations.find((x) => x.name === name)!;
      fc.assert(
        fc.property(args, fc.array(item, { minLength: 6, maxLength: 12 }), frames, fc.boolean(), (a, items, targets, freeze) => {
          const list = freeze ? deepFreeze(items) : items;
          const read = d.compileValue<Record<string, unknown>>(a, (arg) => (isFactRef(arg) ? (frame) => frame[arg.fact] : () => arg), AS_OF);
          for (const t of targets) {
            const values: Record<string, unknown> = { ...t, list };
            const resolve = (arg: unknown): DerivedValue => (isFactRef(arg) ? descend({ value: values[arg.fact], pointer: `/${arg.fact}`, looked: [], params: [] }, arg.path) : literal(arg));
            expect(read(values)).toStrictEqual(d.compute(a, { resolve, asOf: AS_OF }).value);
          }
        }),
        { numRuns: Number(process.env.VIGIE_DIFF_RUNS ?? 1500) },
      );
    });
  }
});
