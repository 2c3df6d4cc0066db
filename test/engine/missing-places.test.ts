import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../src/engine/evaluate-rule.js';
import type { FactTable } from '../../src/engine/facts.js';
import type { ResultNode } from '../../src/engine/three-valued.js';

/** An unknown leaf: its fact (at `path`) gave no value. */
const unknown = (fact: string, path?: string): ResultNode => ({ fact, ...(path ? { path } : {}), operator: 'equal', value: 1, result: false }) as ResultNode;

describe('the places an undetermined outcome names', () => {
  const looked = (n: number) => Array.from({ length: n }, (_, i) => `/users/${i % Math.ceil(n / 2)}/role`); // each place twice
  for (const n of [4, 40]) {
    it(`are each named once, at their first mention (${n} places looked at by one fact)`, () => {
      const table: FactTable = new Map([
        ['target', { value: {}, pointer: '/cameras/0', looked: ['/cameras/0'], params: [] }],
        ['roles', { value: undefined, looked: looked(n), params: [] }],
      ]);
      const tree = { all: [unknown('target', '/a'), unknown('roles'), unknown('target', '/a'), unknown('target', '/b'), unknown('roles')] } as unknown as ResultNode;
      const outcome = outcomeOf(tree, table, {});
      expect(outcome.status).toBe('undetermined');
      const mentioned = ['/cameras/0/a', ...looked(n), '/cameras/0/a', '/cameras/0/b', ...looked(n)];
      expect(outcome.missing).toEqual(mentioned.filter((p, i) => mentioned.indexOf(p) === i));
    });
  }

  // The first two places are kept apart from the list (see Places in evaluate-rule.ts).
  const cases: Array<[string[], string[]]> = [
    [['/a'], ['/a']],
    [['/a', '/a'], ['/a']],
    [['/a', '/b'], ['/a', '/b']],
    [['/a', '/b', '/b', '/a'], ['/a', '/b']],
    [['/a', '/b', '/a', '/c', '/b', '/c', '/d'], ['/a', '/b', '/c', '/d']],
  ];
  for (const [paths, expected] of cases) {
    it(`are each named once with few of them (${paths.join(' ')})`, () => {
      const table: FactTable = new Map([['target', { value: {}, pointer: '/cameras/0', looked: ['/cameras/0'], params: [] }]]);
      const tree = { all: paths.map((p) => unknown('target', p)) } as unknown as ResultNode;
      const outcome = outcomeOf(tree, table, {});
      expect(outcome.missing).toEqual(expected.map((p) => `/cameras/0${p}`));
    });
  }
});
