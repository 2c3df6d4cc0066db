// Fuzzing the audit of access logs: generated logs (events from the log-event schema, mutated
// events, weird text, blank lines, CRLF, CSV with good and bad headers, unreadable lines) through
// auditLog in memory, and generated files (invalid UTF-8, long lines, no final newline) through
// the node reader. Every line is accounted for: an event, a blank line, a header or a skipped
// line with its number and a reason; nothing thrown but a located VigieInputError of kind 'log';
// the input is never changed.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKIPPED_LINE_CODES } from '../../src/audit/log-lines.js';
import { csvColumns } from '../../src/audit/csv.js';
import { LOG_ACTIONS, auditLog, logEventSchema, parseConfig, type LogItem, type Report } from '../../src/index.js';
import { readLines } from '../../src/node/read-log.js';
import { read } from '../helpers.js';
import { deepFreeze } from '../issues.js';
import { RUNS, applyMutations, fromSchema, mutationArb, weirdString } from './arbitraries.js';
import { assertLocated, fuzz, outcome } from './fuzz.js';

const AS_OF = '2026-03-01';
const csu = parseConfig(read('examples/csu-audit.yaml'), { file: 'examples/csu-audit.yaml' });
const CODES = new Set<string>(SKIPPED_LINE_CODES);

const instant = fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2026-03-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
/** Events of the deployment's users on its cameras, mostly valid, with any field of the schema now and then. */
const event = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          time: instant,
          actor: fc.constantFrom('op-1', 'op-2', 'pm-1', 'nobody'),
          action: fc.constantFrom(...LOG_ACTIONS),
          cameras: fc.subarray(['B-01', 'B-02', 'H-01', 'V-01', 'X-99'], { minLength: 1 }),
          footage: fc.record({ from: instant, to: instant }),
          requisition: fc.record({ reference: fc.constant('PV-1'), issuer: fc.constantFrom('officer', 'magistrate'), received: instant }, { requiredKeys: [] }),
          recipient: fc.constant('OPJ'),
        },
        { requiredKeys: ['time', 'actor', 'action'] },
      ),
  },
  { weight: 1, arbitrary: fromSchema(logEventSchema as never) },
);
const jsonLine = fc.oneof(
  { weight: 4, arbitrary: event.map((e) => JSON.stringify(e)) },
  { weight: 2, arbitrary: fc.tuple(event, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([e, m]) => JSON.stringify(applyMutations(e, m)) ?? 'undefined') },
  { weight: 1, arbitrary: event.map((e) => `${JSON.stringify(e)}\r`) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '{', '[]', 'null', '"x"', '{"time": 5}', '{"__proto__": {"polluted": 1}}') },
  { weight: 1, arbitrary: weirdString },
);
const columns = csvColumns().map((c) => c.name);
const csvCell = fc.oneof(fc.constantFrom('', '2026-02-10T09:00:00+01:00', 'op-1', 'replay', 'export', 'CAM-01', 'CAM-01|CAM-02', '"quoted, cell"', '"broken'), weirdString);
const csvHeader = fc.oneof(
  { weight: 4, arbitrary: fc.shuffledSubarray(columns, { minLength: 3 }).map((c) => c.join(',')) },
  { weight: 1, arbitrary: fc.oneof(weirdString, fc.constantFrom('time,actor,nope', 'time,time,actor', '"time,actor')) },
);
const unreadable = fc.constantFrom<SkippedLineError>({ code: 'encoding', message: 'the line is not valid UTF-8' }, { code: 'too-long', message: 'the line is longer than 1024 bytes' });
type SkippedLineError = { code: 'encoding' | 'too-long'; message: string };

/** A log as the readers give it: numbered lines, some of them unreadable. */
const log = fc.oneof(
  fc.record({ format: fc.constant('jsonl' as const), texts: fc.array(fc.oneof({ weight: 9, arbitrary: jsonLine }, { weight: 1, arbitrary: unreadable }), { maxLength: 12 }) }),
  fc.record({
    format: fc.constant('csv' as const),
    texts: fc.tuple(csvHeader, fc.array(fc.oneof({ weight: 9, arbitrary: fc.array(csvCell, { maxLength: 8 }).map((c) => c.join(',')) }, { weight: 1, arbitrary: unreadable }), { maxLength: 12 })).map(([h, rows]) => [h, ...rows]),
  }),
);

function items(texts: Array<string | SkippedLineError>): LogItem[] {
  return texts.map((t, i) => (typeof t === 'string' ? { line: i + 1, text: t } : { line: i + 1, error: t }));
}

/** Every line accounted for, every skipped line located and explained. */
const tally = { events: 0, skipped: 0 };
function checkAccounted(report: Report, lineCount: number): void {
  const summary = report.logs![0]!;
  tally.events += summary.events;
  tally.skipped += summary.skippedCount;
  expect(summary.lines).toBe(lineCount);
  expect(summary.blank + summary.header + summary.events + summary.skippedCount).toBe(lineCount);
  expect(summary.skipped).toHaveLength(summary.skippedCount); // fewer than the listing limit here
  const seen = new Set<number>();
  for (const s of summary.skipped) {
    if (!(s.line >= 1 && s.line <= lineCount) || seen.has(s.line)) throw new Error(`skipped line badly located: ${JSON.stringify(s)}`);
    seen.add(s.line);
    if (!CODES.has(s.code) || s.message === '') throw new Error(`skipped line without a reason: ${JSON.stringify(s)}`);
  }
}

describe('fuzz: audit logs', () => {
  it(`auditLog: every generated line is an event, blank, a header or a located skipped line (${RUNS} logs)`, async () => {
    let lines = 0;
    await fuzz('auditLog', log, async ({ format, texts }) => {
      const input = deepFreeze(items(texts));
      const before = JSON.stringify(input);
      lines += input.length;
      const r = await outcome(() => auditLog(csu, input, { file: `log.${format}`, format, asOf: AS_OF }), ['log']);
      expect(JSON.stringify(input)).toBe(before);
      if ('error' in r) {
        assertLocated(r.error, { files: [`log.${format}`] });
        return 'rejected';
      }
      checkAccounted(r.value, input.length);
      return 'accepted';
    });
    // About five lines a log: with the default 10,000 logs, some 50,000 lines.
    expect(lines).toBeGreaterThanOrEqual(RUNS);
    // Both sides exercised: generated events audited, hostile lines skipped.
    expect(tally.events).toBeGreaterThan(RUNS / 10);
    expect(tally.skipped).toBeGreaterThan(RUNS / 10);
  });

  it(`readLines + auditLog: generated files (invalid UTF-8, long lines, CRLF, no final newline) (${Math.ceil(RUNS / 20)} files)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-log-fuzz-'));
    const MAX = 256;
    const chunk = fc.oneof(
      { weight: 4, arbitrary: event.map((e) => Buffer.from(JSON.stringify(e))) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)) },
      { weight: 1, arbitrary: fc.integer({ min: MAX - 2, max: MAX * 3 }).map((n) => Buffer.from(`{"note":"${'x'.repeat(n)}"}`)) },
      { weight: 1, arbitrary: fc.constantFrom(Buffer.from('\r'), Buffer.from([0xc3]), Buffer.from([0xff, 0xfe]), Buffer.from('\u00e9')) },
    );
    const fileArb = fc.tuple(fc.array(chunk, { maxLength: 10 }), fc.boolean());
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, async ([parts, finalNewline]) => {
        const bytes = Buffer.concat(parts.flatMap((p, i) => (i < parts.length - 1 || finalNewline ? [p, Buffer.from('\n')] : [p])));
        const file = join(dir, `f${n++}.jsonl`);
        writeFileSync(file, bytes);
        const report = await auditLog(csu, readLines(file, MAX), { file, asOf: AS_OF });
        // The lines of the file as the reader splits them: on \n, no last empty line after a final \n.
        const count = bytes.length === 0 ? 0 : bytes.toString('latin1').split('\n').length - (bytes[bytes.length - 1] === 0x0a ? 1 : 0);
        checkAccounted(report, count);
        // A line longer than the limit (its \r included) is skipped as too long, with its number.
        const sizes = bytes.toString('latin1').split('\n').map((l, i) => ({ line: i + 1, size: l.length }));
        for (const { line } of sizes.filter((l) => l.size > MAX)) {
          expect(report.logs![0]!.skipped).toContainEqual(expect.objectContaining({ line, code: 'too-long' }));
        }
      }),
      { numRuns: Math.ceil(RUNS / 20) },
    );
  });
});
