import { formatLocation } from '../errors.js';
import { formatValue, operatorSymbol } from '../engine/template.js';
import type { Finding, Lang, Report } from '../types.js';
import { formatLogSummaries } from './format-logs.js';
import { STATUSES } from './summary.js';
import { FINDINGS_PER_PIECE } from './pieces.js';

export interface TextFormatOptions {
  lang?: Lang;
  color?: boolean;
  /** Also list passing and not-applicable findings. */
  verbose?: boolean;
}

const labels = {
  fr: { violation: 'VIOLATION', undetermined: 'INDÉTERMINÉ', waived: 'DÉROGATION', pass: 'CONFORME', 'not-applicable': 'NON APPLICABLE', law: 'Texte', fix: 'Correction', seen: 'constaté', expected: 'attendu', missing: 'manquant', summary: 'Bilan', asOf: 'droit au', waiver: 'dérogation', expired: 'dérogation expirée', unused: 'dérogation inutilisée', until: "jusqu'au" },
  en: { violation: 'VIOLATION', undetermined: 'UNDETERMINED', waived: 'WAIVED', pass: 'PASS', 'not-applicable': 'NOT APPLICABLE', law: 'Law', fix: 'Fix', seen: 'seen', expected: 'expected', missing: 'missing', summary: 'Summary', asOf: 'law as of', waiver: 'waiver', expired: 'expired waiver', unused: 'unused waiver', until: 'until' },
} as const;

const paint = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
const colors: Record<Finding['status'], string> = { violation: '31;1', undetermined: '33', waived: '36', pass: '32', 'not-applicable': '2' };

/** A report for a person at a terminal: problems first, each with the law and the fix. */
export function formatText(report: Report, options: TextFormatOptions = {}): string {
  return [...formatTextChunks(report, options)].join('');
}

/**
 * formatText's text in pieces that join to exactly that text: with --verbose it shows every finding
 * with its law and fix, more text for 100,000 cameras than one string can hold.
 */
export function* formatTextChunks(report: Report, options: TextFormatOptions = {}): Generator<string> {
  const lang = options.lang ?? 'fr';
  const l = labels[lang];
  const color = options.color ?? false;
  const rank = (f: Finding) => STATUSES.indexOf(f.status);
  const shown = report.findings
    .filter((f) => options.verbose || f.status === 'violation' || f.status === 'undetermined' || f.status === 'waived')
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
  let lines: string[] = [];
  // Every line ends with a newline: the same text as the lines joined with newlines, plus one.
  const flush = () => {
    const out = lines.length > 0 ? `${lines.join('\n')}\n` : '';
    lines = [];
    return out;
  };
  for (let n = 0; n < shown.length; n++) {
    const f = shown[n]!;
    if (n > 0 && n % FINDINGS_PER_PIECE === 0) yield flush();
    const where = formatLocation(f.location) || f.pointer;
    lines.push(`${paint(color, colors[f.status], l[f.status])} ${f.ruleId} [${f.severity}] ${where}${f.targetId ? ` (${f.targetId})` : ''}`);
    lines.push(`  ${f.message[lang]}`);
    for (const e of f.status === 'violation' ? f.evidence : []) {
      const at = e.pointer !== undefined ? `${e.pointer}${e.location ? ` (${lang === 'fr' ? 'ligne' : 'line'} ${e.location.line})` : ''}` : e.fact + (e.path ?? '');
      lines.push(`  - ${at}: ${l.seen} ${formatValue(e.actual, lang)}, ${l.expected} ${operatorSymbol(e.operator)} ${formatValue(e.expected, lang)}${e.parameter ? ` [${e.parameter.id} = ${formatValue(e.parameter.value, lang)}, ${e.parameter.references.map((r) => r.article).join(', ')}]` : ''}`);
    }
    if (f.missing?.length) lines.push(`  - ${l.missing}: ${f.missing.join(', ')}`);
    if (f.waiver) lines.push(`  - ${l.waiver}: ${f.waiver.justification} (${f.waiver.approvedBy}, ${l.until} ${f.waiver.expires})`);
    if (f.expiredWaiver) lines.push(`  - ${l.expired} (${f.expiredWaiver.expires}): ${f.expiredWaiver.justification} (${f.expiredWaiver.approvedBy})`);
    const law = f.legal.map((r) => `${r.source} ${r.article}`).join(' ; ');
    lines.push(`  ${l.law}: ${law}`);
    if (f.status !== 'waived') lines.push(`  ${l.fix}: ${f.remediation[lang].trim()}`);
    lines.push('');
  }
  for (const w of report.waivers.filter((s) => s.status !== 'applied')) {
    const at = w.waiver.location ? `${formatLocation(w.waiver.location)}: ` : '';
    lines.push(`${at}${paint(color, '33', l[w.status === 'expired' ? 'expired' : 'unused'])}: ${w.waiver.rule} ${w.waiver.target} (${l.until} ${w.waiver.expires})`);
  }
  if (report.logs) lines.push(...formatLogSummaries(report.logs, lang));
  const s = report.summary;
  lines.push(
    `${l.summary} (${l.asOf} ${report.asOf}, packs ${report.packs.join(', ')}): ${s.violation} ${l.violation.toLowerCase()}, ${s.undetermined} ${l.undetermined.toLowerCase()}, ${s.waived} ${l.waived.toLowerCase()}, ${s.pass} ${l.pass.toLowerCase()}, ${s['not-applicable']} ${l['not-applicable'].toLowerCase()}`,
  );
  yield flush();
}
