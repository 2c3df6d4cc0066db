import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { elementPositionsOf, newRun, positionsOf } from '../../src/engine/derivations/list-index.js';
import { auditLogs, evaluate } from '../../src/index.js';
import { deepFreeze } from '../../src/parse/freeze.js';

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
