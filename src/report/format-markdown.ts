import { formatValue, operatorSymbol } from '../engine/template.js';
import type { Finding, Lang, Report, RuleDefinition } from '../types.js';
import { rulesOfReport, whereOf } from './rules-of.js';
import { STATUSES } from './summary.js';

/**
 * Markdown for a merge-request comment or an audit file: a summary table, then the findings that
 * need attention grouped by rule (with the law and the fix), then waivers that expired or matched
 * nothing. Passing and not-applicable findings are only counted.
 */
export interface MarkdownFormatOptions {
  lang?: Lang;
  /** The rules that ran (for their titles). */
  rules?: readonly RuleDefinition[];
}

const L = {
  fr: {
    title: 'Rapport vigie',
    asOf: 'Droit au',
    packs: 'Paquets',
    inputs: 'Fichiers',
    status: 'Statut',
    count: 'Nombre',
    violation: 'Violation',
    undetermined: 'Indéterminé',
    waived: 'Dérogation',
    pass: 'Conforme',
    'not-applicable': 'Non applicable',
    findings: 'Constats par règle',
    none: 'Aucune violation, aucun constat indéterminé.',
    target: 'Cible',
    where: 'Emplacement',
    message: 'Constat',
    law: 'Texte',
    fix: 'Correction',
    waivers: 'Dérogations à revoir',
    expired: 'expirée le',
    unused: 'inutilisée (ne correspond à aucun constat)',
    expiredOn: 'dérogation expirée le',
    severity: 'gravité',
  },
  en: {
    title: 'vigie report',
    asOf: 'Law as of',
    packs: 'Packs',
    inputs: 'Files',
    status: 'Status',
    count: 'Count',
    violation: 'Violation',
    undetermined: 'Undetermined',
    waived: 'Waived',
    pass: 'Pass',
    'not-applicable': 'Not applicable',
    findings: 'Findings by rule',
    none: 'No violation, no undetermined finding.',
    target: 'Target',
    where: 'Location',
    message: 'Finding',
    law: 'Law',
    fix: 'Fix',
    waivers: 'Waivers to review',
    expired: 'expired on',
    unused: 'unused (matches no finding)',
    expiredOn: 'waiver expired on',
    severity: 'severity',
  },
} as const;

/** Table cells cannot hold `|` or line breaks. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

export function formatMarkdown(report: Report, options: MarkdownFormatOptions = {}): string {
  const lang = options.lang ?? 'fr';
  const l = L[lang];
  const rules = new Map(rulesOfReport(report, options.rules).map((r) => [r.id, r]));
  const out: string[] = [];
  out.push(`## ${l.title}`, '');
  out.push(`${l.asOf} **${report.asOf}** · ${l.packs}: ${report.packs.map((p) => `\`${p}\``).join(', ')}${report.inputs.length ? ` · ${l.inputs}: ${report.inputs.map((i) => `\`${i}\``).join(', ')}` : ''}`, '');
  out.push(`| ${l.status} | ${l.count} |`, '|---|---:|');
  for (const s of STATUSES) out.push(`| ${l[s]} | ${report.summary[s]} |`);
  out.push('');

  const shown = report.findings.filter((f) => f.status === 'violation' || f.status === 'undetermined' || f.status === 'waived');
  out.push(`### ${l.findings}`, '');
  if (shown.length === 0) out.push(l.none, '');
  const byRule = new Map<string, Finding[]>();
  for (const f of shown) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const [id, findings] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const rule = rules.get(id);
    const first = findings[0]!;
    out.push(`#### \`${id}\` — ${rule?.title[lang] ?? id} (${l.severity} ${first.severity})`, '');
    out.push(`| ${l.status} | ${l.target} | ${l.where} | ${l.message} |`, '|---|---|---|---|');
    const rank = (f: Finding) => STATUSES.indexOf(f.status);
    for (const f of [...findings].sort((a, b) => rank(a) - rank(b))) {
      const seen = f.status === 'violation' ? f.evidence.map((e) => `${e.pointer ?? e.fact}: ${formatValue(e.actual, lang)} (${operatorSymbol(e.operator)} ${formatValue(e.expected, lang)})`) : [];
      const extra = [...seen, ...(f.missing?.length ? [f.missing.join(', ')] : []), ...(f.waiver ? [`${l.waived}: ${f.waiver.justification} (${f.waiver.approvedBy}, ${f.waiver.expires})`] : []), ...(f.expiredWaiver ? [`${l.expiredOn} ${f.expiredWaiver.expires}`] : [])];
      const message = [f.message[lang], ...extra].map(cell).join('<br>');
      out.push(`| ${l[f.status]} | ${cell(f.targetId ?? f.pointer)} | \`${cell(whereOf(f))}\` | ${message} |`);
    }
    out.push('');
    const law = first.legal.map((r) => `${r.url ? `[${r.source}, ${r.article}](${r.url})` : `${r.source}, ${r.article}`}${r.quote ? ` : « ${r.quote.trim().replace(/\s*\n\s*/g, ' ')} »` : ''}`);
    out.push(`**${l.law}** : ${law.join(' ; ')}`, '');
    out.push(`**${l.fix}** : ${first.remediation[lang].trim().replace(/\s*\n\s*/g, ' ')}`, '');
  }

  const review = report.waivers.filter((w) => w.status !== 'applied');
  if (review.length) {
    out.push(`### ${l.waivers}`, '');
    for (const w of review) {
      const at = w.waiver.location?.file ? ` (\`${w.waiver.location.file}:${w.waiver.location.line}\`)` : '';
      out.push(`- \`${w.waiver.rule}\` ${w.waiver.target}${at}: ${w.status === 'expired' ? `${l.expired} ${w.waiver.expires}` : l.unused}`);
    }
    out.push('');
  }
  return out.join('\n');
}
