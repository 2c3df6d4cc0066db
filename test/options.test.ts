// The options of evaluate, auditLogs, auditLog and requisitionDeadlines as they arrive from
// JavaScript, where the types are not enforced: each wrong shape is a usage error naming the option
// and what was expected; an unknown option (a misspelling) is refused, never silently ignored.
import { describe, expect, it } from 'vitest';
import { auditLog, auditLogs, builtinRuleSet, evaluate, requisitionDeadlines, type AuditOptions, type DeadlineOptions, type EvaluateOptions, type LogInput } from '../src/index.js';
import { issuesOf, syncIssuesOf } from './issues.js';

const AS_OF = '2026-01-15';
const AT = '2026-01-10T21:30:00+01:00';
const deployment = { cameras: [{ id: 'A', retention: { days: 30 } }] };
const log = () => [{ line: 1, text: JSON.stringify({ time: '2026-01-12T10:00:00+01:00', actor: 'op-1', action: 'export', cameras: ['A'] }) }];
const waiver = { rule: 'no-audio-capture', target: 'A', justification: 'Microphone disconnected in hardware', approvedBy: 'DPO', expires: '2027-01-01' };

const audits = {
  auditLogs: (options: unknown) => auditLogs(deployment, [{ lines: log() }], options as AuditOptions),
  auditLog: (options: unknown) => auditLog(deployment, log(), options as AuditOptions),
};
const deadlines = (options: unknown) => requisitionDeadlines(deployment, options as DeadlineOptions);

/** The one issue of a usage error, for an option: its pointer and that it says what was expected. */
const usageAt = (pointer: string) => [expect.objectContaining({ code: 'usage', pointer, expected: expect.any(String) })];

describe('options with the wrong type: a usage error at the option (before: TypeError, or the option read as absent)', () => {
  const common: Array<[string, unknown]> = [
    ['asOf', 20260115],
    ['packs', 'fr-law'],
    ['ruleSet', {}],
    ['parameterChoices', null],
    ['waivers', { rule: 'no-audio-capture' }],
    ['engine', 'referance'],
  ];

  for (const [name, audit] of Object.entries(audits)) {
    it(`${name}: every option it shares with evaluate, and its own`, async () => {
      const own: Array<[string, unknown]> = [
        ['keepPasses', 'yes'],
        ['maxSkippedLines', '10'],
        ['maxFindingsPerRule', -1],
      ];
      for (const [key, value] of [...common, ...own]) {
        expect(await issuesOf(() => audit({ asOf: AS_OF, [key]: value })), key).toEqual(usageAt(`/${key}`));
      }
      expect(await issuesOf(() => audit({ asOf: AS_OF, packs: [] }))).toEqual(usageAt('/packs'));
      expect(await issuesOf(() => audit(null))).toEqual(usageAt(''));
    });
  }

  it('auditLog: the log\'s file and format', async () => {
    expect(await issuesOf(() => audits.auditLog({ asOf: AS_OF, format: 'xml' }))).toEqual(usageAt('/format'));
    expect(await issuesOf(() => audits.auditLog({ asOf: AS_OF, file: 5 }))).toEqual(usageAt('/file'));
  });

  it('evaluate: engine and findings', async () => {
    expect(await issuesOf(() => evaluate(deployment, { asOf: AS_OF, engine: 'fast' as never }))).toEqual(usageAt('/engine'));
    expect(await issuesOf(() => evaluate(deployment, { asOf: AS_OF, findings: 'none' as never }))).toEqual(usageAt('/findings'));
  });

  it('requisitionDeadlines: no options, no `at`, or cameras that are not a list', () => {
    expect(syncIssuesOf(() => deadlines(undefined))).toEqual(usageAt(''));
    expect(syncIssuesOf(() => deadlines({ asOf: AS_OF }))).toEqual([expect.objectContaining({ code: 'usage', pointer: '/at', message: 'option "at" is missing' })]);
    expect(syncIssuesOf(() => deadlines({ at: AT, cameras: 'A' }))).toEqual(usageAt('/cameras'));
    expect(syncIssuesOf(() => deadlines({ at: AT, asOf: new Date('2026-01-15'), ruleSet: null }))).toEqual(usageAt('/ruleSet'));
    expect(syncIssuesOf(() => deadlines({ at: 'yesterday' }))).toEqual(usageAt('/at'));
  });

  it('reports every wrong option at once', async () => {
    const issues = await issuesOf(() => audits.auditLogs({ asOf: 1, keepPasses: 1, maxSkippedLines: 1.5 }));
    expect(issues.map((i) => i.pointer)).toEqual(['/asOf', '/keepPasses', '/maxSkippedLines']);
  });
});

describe('unknown options: refused, naming the options there are (before: silently ignored)', () => {
  it('a misspelt option, with the option meant', async () => {
    const expected = [expect.objectContaining({ code: 'usage', pointer: '/asof', message: expect.stringContaining('(did you mean "asOf"?)'), expected: expect.stringContaining('asOf') })];
    expect(await issuesOf(() => evaluate(deployment, { asof: AS_OF } as EvaluateOptions))).toEqual(expected);
    expect(await issuesOf(() => audits.auditLogs({ asof: AS_OF }))).toEqual(expected);
    expect(await issuesOf(() => audits.auditLog({ asof: AS_OF }))).toEqual(expected);
    expect(syncIssuesOf(() => deadlines({ at: AT, asof: AS_OF }))).toEqual(expected);
  });

  it('an option of another function', async () => {
    // An audit lists only what does not pass unless keepPasses; evaluate's `findings` would be unused.
    expect(await issuesOf(() => audits.auditLogs({ asOf: AS_OF, findings: 'all' }))).toEqual(usageAt('/findings'));
    expect(await issuesOf(() => evaluate(deployment, { asOf: AS_OF, keepPasses: true } as EvaluateOptions))).toEqual(usageAt('/keepPasses'));
    // auditLogs takes each log's file and format in the log itself.
    expect(await issuesOf(() => audits.auditLogs({ asOf: AS_OF, format: 'csv' }))).toEqual(usageAt('/format'));
    // Deadlines answer for the retention of the deployment: no pack is evaluated, no waiver applies.
    expect(syncIssuesOf(() => deadlines({ at: AT, packs: ['fr-law'] }))).toEqual(usageAt('/packs'));
    expect(syncIssuesOf(() => deadlines({ at: AT, waivers: [] }))).toEqual(usageAt('/waivers'));
  });
});

describe('every option a function declares is accepted', () => {
  // Required<…> makes these literals name every option of the types: an option added to a type
  // but not to the checks in src/options.ts fails here.
  const ruleSet = builtinRuleSet();
  const shared = { asOf: AS_OF, packs: ['fr-law'], ruleSet, parameterChoices: {}, waivers: [waiver], engine: 'reference' } as const;
  const evaluateOptions: Required<EvaluateOptions> = { ...shared, waivers: [waiver], packs: ['fr-law'], findings: 'problems' };
  const auditOptions: Required<AuditOptions> = { ...shared, waivers: [waiver], packs: ['fr-law'], keepPasses: true, maxSkippedLines: 0, maxFindingsPerRule: 10 };
  const deadlineOptions: Required<DeadlineOptions> = { at: AT, cameras: ['A'], asOf: AS_OF, ruleSet, parameterChoices: {} };

  it('by evaluate, auditLogs, auditLog and requisitionDeadlines', async () => {
    expect((await evaluate(deployment, evaluateOptions)).asOf).toBe(AS_OF);
    const logs: LogInput[] = [{ file: 'a.jsonl', format: 'jsonl', lines: log() }];
    expect((await auditLogs(deployment, logs, auditOptions)).logs).toHaveLength(1);
    expect((await auditLog(deployment, log(), { ...auditOptions, file: 'a.jsonl', format: 'jsonl' })).logs).toEqual([expect.objectContaining({ file: 'a.jsonl', events: 1 })]);
    expect(requisitionDeadlines(deployment, deadlineOptions).cameras).toEqual([expect.objectContaining({ camera: 'A', lastDay: '2026-02-09' })]);
  });

  it('an option given as undefined is absent', async () => {
    expect((await evaluate(deployment, { asOf: AS_OF, packs: undefined, waivers: undefined })).asOf).toBe(AS_OF);
    expect(requisitionDeadlines(deployment, { at: AT, asOf: AS_OF, cameras: undefined }).cameras).toHaveLength(1);
  });
});

describe('waivers given to an audit are checked against the rules, as evaluate checks them', () => {
  it('a waiver naming an unknown rule is refused (before: silently unused)', async () => {
    const issues = await issuesOf(() => audits.auditLogs({ asOf: AS_OF, waivers: [{ ...waiver, rule: 'no-audio-captur' }] }));
    expect(issues).toEqual([expect.objectContaining({ code: 'unknown-rule', pointer: '/waivers/0/rule' })]);
  });
});
