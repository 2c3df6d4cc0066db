import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { derivation } from '../../src/engine/derivations/index.js';
import { deepFreeze } from '../../src/parse/freeze.js';
import { scopeJudge } from '../../src/engine/scope-judge.js';
import type { RuleDefinition } from '../../src/types.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

/** A rule on cameras reduced to what the judge reads. */
const rule = (id: string, r: Partial<RuleDefinition>): RuleDefinition => ({ id, conditions: { all: [] }, ...r }) as RuleDefinition;

const deployment = {
  authorizations: [
    { reference: 'A-1', cameras: ['C1', 'C2'] },
    { reference: 'A-2', cameras: 'all', covers: ['algorithmic-processing'] },
  ],
};
const covering = { filter: { in: { fact: 'deployment', path: '/authorizations' }, where: [{ path: '/cameras', contains: { fact: 'targetId' } }] } };
const covered = rule('covered', {
  facts: { acts: covering, n: { count: { fact: 'acts' } } },
  conditions: { all: [{ fact: 'n', operator: 'greaterThan', value: 0 }] },
});
// The same derived facts under other names.
const coveredOnce = rule('covered-once', {
  facts: { mine: covering, howMany: { count: { fact: 'mine' } } },
  appliesIf: { all: [{ fact: 'target', path: '/publicRoad', operator: 'equal', value: true }] },
  conditions: { all: [{ fact: 'howMany', operator: 'equal', value: 1 }] },
});
const retention = rule('retention', {
  facts: { days: { firstDefined: [{ fact: 'target', path: '/retention/days' }] } },
  conditions: { all: [{ fact: 'days', operator: 'lessThanInclusive', value: 30 }] },
});

afterEach(() => vi.restoreAllMocks());

describe('scopeJudge', () => {
  it('counts a pass or a not-applicable outcome and sends the rest to be listed', () => {
    const judge = scopeJudge([covered, coveredOnce, retention], deployment, {}, '2026-01-15');
    const verdicts = (target: Record<string, unknown>) => {
      judge.next(target, target.id as string);
      return [0, 1, 2].map((i) => judge.verdict(i));
    };
    expect(verdicts({ id: 'C1', publicRoad: true, retention: { days: 30 } })).toEqual(['pass', 'pass', 'pass']);
    expect(verdicts({ id: 'C9', publicRoad: false, retention: { days: 31 } })).toEqual(['list', 'not-applicable', 'list']);
    // Unknown (no retention, road not stated): listed, so that the full evaluation says undetermined.
    expect(verdicts({ id: 'C2' })).toEqual(['pass', 'list', 'list']);
  });

  it('judges all the rules of a target at once as it judges them one by one', () => {
    const forward = rule('forward', { facts: { n: { count: { fact: 'later' } } }, conditions: { all: [{ fact: 'n', operator: 'equal', value: 0 }] } });
    const rules = [covered, forward, coveredOnce, retention];
    const targets = [
      { id: 'C1', publicRoad: true, retention: { days: 30 } },
      { id: 'C9', publicRoad: false, retention: { days: 31 } },
      { id: 'C2' },
      { id: 'C2', publicRoad: true, retention: { days: 3 } },
    ];
    const byOne = scopeJudge(rules, deployment, {}, '2026-01-15');
    const expected = { pass: 0, 'not-applicable': 0 };
    const listedByOne = targets.map((t) => {
      byOne.next(t, t.id);
      const listed: number[] = [];
      rules.forEach((_, i) => {
        const v = byOne.verdict(i);
        if (v === 'list') listed.push(i);
        else expected[v]++;
      });
      return listed;
    });
    const atOnce = scopeJudge(rules, deployment, {}, '2026-01-15');
    const into = [7, 7, 7, 7, 7]; // written from its start, whatever it held
    const listedAtOnce = targets.map((t) => {
      atOnce.next(t, t.id);
      return into.slice(0, atOnce.judgeTarget(into));
    });
    expect(listedAtOnce).toEqual(listedByOne);
    expect(listedByOne).toEqual([[1], [0, 1, 3], [1, 2, 3], [1]]);
    expect(atOnce.counts).toEqual(expected);
    expect(expected).toEqual({ pass: 7, 'not-applicable': 1 });
  });

  it('computes a derived fact declared by several rules once per target', () => {
    const filter = derivation('filter')!;
    const compile = vi.spyOn(filter, 'compileValue');
    const judge = scopeJudge([covered, coveredOnce], deployment, {}, '2026-01-15');
    expect(compile).toHaveBeenCalledTimes(1);
    judge.next({ id: 'C1', publicRoad: true }, 'C1');
    expect([judge.verdict(0), judge.verdict(1)]).toEqual(['pass', 'pass']);
  });

  it('forgets the previous target’s facts', () => {
    const judge = scopeJudge([retention], deployment, {}, '2026-01-15');
    judge.next({ retention: { days: 7 } }, 'a');
    expect(judge.verdict(0)).toBe('pass');
    judge.next({ retention: { days: 90 } }, 'b');
    expect(judge.verdict(0)).toBe('list');
  });

  it('leaves to the full evaluation a rule it cannot plan', () => {
    // A fact read before it is declared (a rule set not checked by the loader), or facts of a stream.
    const forward = rule('forward', { facts: { n: { count: { fact: 'later' } } }, conditions: { all: [{ fact: 'n', operator: 'equal', value: 0 }] } });
    const streamed = rule('streamed', { earlier: { prior: { key: '/id', lookup: { fact: 'target', path: '/id' } } } as RuleDefinition['earlier'] });
    const judge = scopeJudge([forward, streamed], deployment, {}, '2026-01-15');
    judge.next({ id: 'x' }, 'x');
    expect([judge.verdict(0), judge.verdict(1)]).toEqual(['list', 'list']);
  });

  it('compiles the rules of a scope once per date, and keeps each call’s facts to itself', () => {
    const filter = derivation('filter')!;
    const compile = vi.spyOn(filter, 'compileValue');
    // Rule objects of their own, so that no earlier test has compiled them.
    const mine = rule('mine', { ...covered });
    const first = scopeJudge([mine], deployment, {}, '2026-02-01');
    const other = { authorizations: [{ reference: 'A-9', cameras: ['C9'] }] };
    const second = scopeJudge([mine], other, {}, '2026-02-01');
    expect(compile).toHaveBeenCalledTimes(1);
    // Two calls in progress at once: each reads its own deployment, and a deployment-wide fact
    // computed for one is not seen by the other.
    first.next({ id: 'C1' }, 'C1');
    second.next({ id: 'C1' }, 'C1');
    expect([first.verdict(0), second.verdict(0)]).toEqual(['pass', 'list']);
    second.next({ id: 'C9' }, 'C9');
    first.next({ id: 'C9' }, 'C9');
    expect([first.verdict(0), second.verdict(0)]).toEqual(['list', 'pass']);
    // Another date is another plan (derivations may read it when compiled).
    scopeJudge([mine], deployment, {}, '2026-02-02');
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('reads the parameters of its own call', () => {
    const limit = rule('limit', {
      facts: { days: { firstDefined: [{ fact: 'target', path: '/retention/days' }] }, max: { firstDefined: [{ fact: 'param', path: '/max' }] } },
      conditions: { all: [{ fact: 'days', operator: 'lessThanInclusive', value: { fact: 'max' } }] },
    });
    const strict = scopeJudge([limit], deployment, { max: 10 }, '2026-01-15');
    const lax = scopeJudge([limit], deployment, { max: 30 }, '2026-01-15');
    strict.next({ retention: { days: 20 } }, 'a');
    lax.next({ retention: { days: 20 } }, 'a');
    expect([strict.verdict(0), lax.verdict(0)]).toEqual(['list', 'pass']);
  });

  describe('on plain data (paths read without a hasOwnProperty call at each step)', () => {
    // A deployment as parseConfig leaves it: plain, deep-frozen. The paths below are read by
    // built-in rules, so that they have readers written for plain data (src/generated/readers.ts).
    const plainDeployment = deepFreeze(structuredClone(deployment));
    const days = rule('plain-days', {
      facts: { kept: { firstDefined: [{ fact: 'target', path: '/retention' }] } },
      conditions: { all: [{ fact: 'kept', path: '/kind', operator: 'equal', value: 3 }] },
    });
    const verdict = (r: RuleDefinition, target: object, params: Record<string, unknown> = {}, data: unknown = plainDeployment) => {
      const judge = scopeJudge([r], data, params, '2026-01-15', true);
      judge.next(target, 'C1');
      return judge.verdict(0);
    };

    it('is how the items of a deployment parseConfig made are read', () => {
      const parsed = parseConfig(readFileSync(join(EXAMPLES, 'small-town.yaml'), 'utf8')).data;
      const readsPlain = (data: unknown) => scopeJudge([days], data, {}, '2026-01-15', true).readsPlainData;
      expect(readsPlain(parsed)).toBe(true);
      // Targets the caller gives (an audit's events) may be anything.
      expect(scopeJudge([days], parsed, {}, '2026-01-15').readsPlainData).toBe(false);
      expect(readsPlain(structuredClone(parsed))).toBe(false);
      Object.defineProperty(Object.prototype, 'kind', { value: 3, configurable: true, writable: true });
      try {
        expect(readsPlain(parsed)).toBe(false);
      } finally {
        delete (Object.prototype as Record<string, unknown>).kind;
      }
    });

    it('reads what it reads on other data', () => {
      expect(verdict(days, { retention: { kind: 3 } })).toBe('pass');
      expect(verdict(days, { retention: { kind: 4 } })).toBe('list');
      expect(verdict(days, { retention: {} })).toBe('list');
      expect(verdict(days, { retention: { kind: 3 } }, {}, deployment)).toBe('pass');
    });

    it('reads no value Object.prototype was given since: those names are read with the check', () => {
      Object.defineProperty(Object.prototype, 'retention', { value: { kind: 3 }, configurable: true, writable: true });
      try {
        expect(verdict(days, { id: 'C1' })).toBe('list');
      } finally {
        delete (Object.prototype as Record<string, unknown>).retention;
      }
      expect(verdict(days, { id: 'C1', retention: { kind: 3 } })).toBe('pass');
    });

    it('reads with the check when a parameter, a rule argument or the deployment is not plain data', () => {
      const fromParam = rule('param-limit', { conditions: { all: [{ fact: 'param', path: '/retention-max', operator: 'equal', value: 3 }] } });
      expect(verdict(fromParam, {}, Object.create({ 'retention-max': 3 }) as Record<string, unknown>)).toBe('list');
      expect(verdict(fromParam, {}, { 'retention-max': 3 })).toBe('pass');
      const fromArgument = rule('argument-kind', {
        facts: { kept: { firstDefined: [{ fact: 'target', path: '/retention' }, Object.create({ kind: 3 })] } },
        conditions: { all: [{ fact: 'kept', path: '/kind', operator: 'equal', value: 3 }] },
      });
      expect(verdict(fromArgument, {})).toBe('list');
      const fromDeployment = rule('deployment-reference', { conditions: { all: [{ fact: 'deployment', path: '/reference', operator: 'equal', value: 3 }] } });
      expect(verdict(fromDeployment, {}, {}, deepFreeze(Object.create({ reference: 3 })))).toBe('list');
      expect(verdict(fromDeployment, {}, {}, deepFreeze({ reference: 3 }))).toBe('pass');
    });
  });
});
