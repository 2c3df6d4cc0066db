import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJson, formatJsonChunks } from '../src/report/format-json.js';
import { formatReport, formatReportChunks } from '../src/report/formats.js';
import { evaluate, parseConfig } from '../src/index.js';
import type { Report } from '../src/types.js';
import { readFileSync } from 'node:fs';

const joined = (chunks: Iterable<string>) => [...chunks].join('');

describe('formatJsonChunks', () => {
  it('joins to exactly formatJson, on random reports (keys left out, empty lists, odd strings)', () => {
    const finding = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ unit: 'binary', maxLength: 6 })), { maxKeys: 5 }),
      fc.constant(undefined),
      fc.constant({}),
      fc.constant([]),
    );
    const report = fc.record(
      {
        vigieVersion: fc.string({ maxLength: 5 }),
        findings: fc.array(finding, { maxLength: 30 }),
        summary: fc.oneof(fc.jsonValue(), fc.constant(undefined)),
        note: fc.oneof(fc.constant(undefined), fc.string({ unit: 'binary', maxLength: 8 })),
      },
      { requiredKeys: ['findings'] },
    );
    fc.assert(
      fc.property(report, (r) => {
        expect(joined(formatJsonChunks(r as unknown as Report))).toBe(formatJson(r as unknown as Report));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a report of several thousand findings in pieces that join to formatJson', async () => {
    const text = readFileSync(new URL('../examples/small-town.yaml', import.meta.url), 'utf8');
    const one = await evaluate(parseConfig(text, { file: 'small-town.yaml' }), { asOf: '2026-01-15' });
    const report = { ...one, findings: Array.from({ length: 2500 }, (_, i) => one.findings[i % one.findings.length]!) };
    const chunks = [...formatJsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(formatJson(report));
    expect(joined(formatReportChunks(report, 'json'))).toBe(formatReport(report, 'json'));
    expect(joined(formatReportChunks(report, 'sarif'))).toBe(formatReport(report, 'sarif'));
    // JUnit in pieces too: every finding a test case, once, in a document that parses.
    const junit = [...formatReportChunks(report, 'junit', { lang: 'en' })];
    expect(junit.length).toBeGreaterThan(3);
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(junit.join(''));
    const cases = xml.testsuites.testsuite.flatMap((s: { testcase?: unknown[] }) => s.testcase ?? []);
    expect(cases).toHaveLength(report.findings.length);
    expect(Number(xml.testsuites['@_failures'])).toBe(report.findings.filter((f) => f.status === 'violation').length);

    // Text with --verbose in pieces too: every finding's heading once, then the summary, last.
    const verbose = [...formatReportChunks(report, 'text', { lang: 'en', verbose: true })];
    expect(verbose.length).toBeGreaterThan(2);
    const lines = verbose.join('').split('\n');
    const headings = lines.filter((line) => /^(VIOLATION|UNDETERMINED|WAIVED|PASS|NOT APPLICABLE) /.test(line));
    expect(headings).toHaveLength(report.findings.length);
    expect(lines.at(-2)).toMatch(/^Summary /);
    expect(lines.at(-1)).toBe('');
  });
});
