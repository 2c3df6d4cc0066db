import { formatValue, operatorSymbol } from '../engine/template.js';
import type { Finding, Lang, Report } from '../types.js';
import { FINDINGS_PER_PIECE } from './pieces.js';

/**
 * JUnit XML, as GitLab (artifacts:reports:junit) and Jenkins read it: one `<testsuite>` per rule
 * pack, one `<testcase>` per (rule, target). `classname` is `vigie.<pack>.<rule>` (Jenkins shows
 * `vigie.<pack>` as the package and the rule as the class), `name` the target and its place.
 *
 * - `violation` → `<failure>` with the message, what was seen and the legal reference;
 * - `waived` and `not-applicable` → `<skipped>` (with the waiver's justification);
 * - `undetermined` → `<skipped>` by default, `<failure>` with `undeterminedAs: 'failure'` (the CLI
 *   does so with --fail-on-undetermined, so that the JUnit report and the exit code agree);
 * - `pass` → a test case with no child.
 */
export interface JunitFormatOptions {
  lang?: Lang;
  undeterminedAs?: 'skipped' | 'failure';
}

export function escapeXml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the five special ones are escaped.
  return s
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

export function formatJunit(report: Report, options: JunitFormatOptions = {}): string {
  return [...formatJunitChunks(report, options)].join('');
}

/**
 * formatJunit's text in pieces that join to exactly that text: a full report of 100,000 cameras
 * has a million test cases, more text than is wise to hold as one string.
 */
export function* formatJunitChunks(report: Report, options: JunitFormatOptions = {}): Generator<string> {
  const lang = options.lang ?? 'fr';
  const undeterminedFails = options.undeterminedAs === 'failure';
  const failed = (f: Finding) => f.status === 'violation' || (undeterminedFails && f.status === 'undetermined');
  const skipped = (f: Finding) => !failed(f) && f.status !== 'pass';
  const packs = [...new Set([...report.packs, ...report.findings.map((f) => f.pack)])];
  const total = report.findings.length;
  const failures = report.findings.filter(failed).length;
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'vigie', tests: total, failures, errors: 0 })}>\n`;
  for (const pack of packs) {
    const findings = report.findings.filter((f) => f.pack === pack);
    const head = attrs({ name: pack, tests: findings.length, failures: findings.filter(failed).length, errors: 0, skipped: findings.filter(skipped).length });
    let out = `  <testsuite${head}>\n    <properties>\n      <property name="asOf" value="${escapeXml(report.asOf)}"/>\n      <property name="vigieVersion" value="${escapeXml(report.vigieVersion)}"/>\n    </properties>\n`;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      out += testCase(f, lang, failed(f), skipped(f));
      if ((i + 1) % FINDINGS_PER_PIECE === 0) {
        yield out;
        out = '';
      }
    }
    yield `${out}  </testsuite>\n`;
  }
  yield '</testsuites>\n';
}

function testCase(f: Finding, lang: Lang, failed: boolean, skipped: boolean): string {
  const where = f.location?.file ? `${f.location.file}:${f.location.line}` : f.pointer || '/';
  const head = attrs({ classname: `vigie.${f.pack}.${f.ruleId}`, name: `${f.targetId ?? (f.pointer || '/')} (${where})`, ...(f.location?.file ? { file: f.location.file, line: f.location.line } : {}) });
  if (failed) {
    const law = f.legal.map((l) => `${l.source} ${l.article}${l.quote ? ` : « ${l.quote.trim().replace(/\s*\n\s*/g, ' ')} »` : ''}${l.url ? ` (${l.url})` : ''}`);
    const seen = f.evidence.map((e) => `${e.pointer ?? e.fact + (e.path ?? '')}: ${formatValue(e.actual, lang)} (${lang === 'fr' ? 'attendu' : 'expected'} ${operatorSymbol(e.operator)} ${formatValue(e.expected, lang)})`);
    const missing = f.missing?.length ? [`${lang === 'fr' ? 'manquant' : 'missing'}: ${f.missing.join(', ')}`] : [];
    const expired = f.expiredWaiver ? [`${lang === 'fr' ? 'dérogation expirée le' : 'waiver expired on'} ${f.expiredWaiver.expires}: ${f.expiredWaiver.justification}`] : [];
    const body = [f.message[lang].trim(), `${where} ${f.pointer}`, ...seen, ...missing, ...expired, ...law, `${lang === 'fr' ? 'Correction' : 'Fix'}: ${f.remediation[lang].trim()}`].join('\n');
    const type = f.status === 'undetermined' ? 'undetermined' : f.severity;
    return `    <testcase${head}>\n      <failure${attrs({ message: `${f.message[lang].trim()} [${f.legal.map((l) => `${l.source} ${l.article}`).join(' ; ')}]`, type })}>${escapeXml(body)}</failure>\n    </testcase>\n`;
  }
  if (skipped) {
    const why = f.waiver ? `${lang === 'fr' ? 'dérogation' : 'waived'}: ${f.waiver.justification} (${f.waiver.approvedBy}, ${f.waiver.expires})` : `${f.status}: ${f.message[lang].trim()}`;
    return `    <testcase${head}>\n      <skipped${attrs({ message: why })}/>\n    </testcase>\n`;
  }
  return `    <testcase${head}/>\n`;
}
