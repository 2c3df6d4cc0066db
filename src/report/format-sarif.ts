import { formatValue, operatorSymbol } from '../engine/template.js';
import type { Finding, Lang, LegalReference, Report, RuleDefinition, Severity, WaiverStatus } from '../types.js';
import { rulesOfReport } from './rules-of.js';

/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it.
 *
 * Which findings become results:
 * - `violation` → kind `fail`, level from the rule's severity (error → error, warning → warning,
 *   info → note);
 * - `waived` → the same `fail` result, with a `suppressions` entry (kind `external`, status
 *   `accepted`, the waiver's justification): GitHub shows it as dismissed;
 * - `undetermined` → kind `review`, level `none` (SARIF: "a human must review"; a level other than
 *   `none` is only allowed for `fail`);
 * - `pass` and `not-applicable` are left out (they would only bury the results).
 * Expired and unused waivers are tool configuration notifications (level warning), and a finding
 * whose waiver expired carries it in `properties.expiredWaiver`.
 */
export interface SarifFormatOptions {
  lang?: Lang;
  /** The rules that ran (for their titles, summaries and legal texts). */
  rules?: readonly RuleDefinition[];
  /** Where vigie is documented. */
  informationUri?: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** vigie's package page (the project has no other public home yet). */
export const VIGIE_INFORMATION_URI = 'https://www.npmjs.com/package/vigie';

type Json = Record<string, unknown>;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(report: Report, options: SarifFormatOptions = {}): string {
  return JSON.stringify(toSarif(report, options), null, 2) + '\n';
}

/** The SARIF log as an object. */
export function toSarif(report: Report, options: SarifFormatOptions = {}): Json {
  const lang = options.lang ?? 'fr';
  const rules = rulesOfReport(report, options.rules);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.findings
    .filter((f) => f.status === 'violation' || f.status === 'waived' || f.status === 'undetermined')
    .map((f) => toResult(f, index.get(f.ruleId)!, lang));
  const notifications = report.waivers.filter((w) => w.status !== 'applied').map((w) => toNotification(w, lang));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vigie',
            version: report.vigieVersion,
            semanticVersion: report.vigieVersion,
            informationUri: options.informationUri ?? VIGIE_INFORMATION_URI,
            rules: rules.map((r) => toDescriptor(r, lang)),
            notifications: [
              { id: 'waiver-expired', name: 'WaiverExpired', shortDescription: { text: text(lang, 'A waiver has expired: it no longer applies.', 'Une dérogation a expiré : elle ne s’applique plus.') } },
              { id: 'waiver-unused', name: 'WaiverUnused', shortDescription: { text: text(lang, 'A waiver matched no finding.', 'Une dérogation ne correspond à aucun constat.') } },
            ],
          },
        },
        invocations: [{ executionSuccessful: true, toolConfigurationNotifications: notifications }],
        // Relative artifact URIs are relative to the directory vigie ran in (the repository root in CI).
        originalUriBaseIds: { SRCROOT: { description: { text: 'The directory vigie ran in.' } } },
        results,
        // Columns come from the YAML parser, which counts JavaScript string positions.
        columnKind: 'utf16CodeUnits',
        properties: { asOf: report.asOf, packs: report.packs, summary: report.summary },
      },
    ],
  };
}

const text = (lang: Lang, en: string, fr: string) => (lang === 'fr' ? fr : en);

function toDescriptor(r: RuleDefinition, lang: Lang): Json {
  const url = r.legal.find((l) => l.url)?.url;
  return {
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.title[lang] },
    fullDescription: { text: r.summary[lang].trim() },
    help: { text: helpText(r, lang), markdown: helpMarkdown(r, lang) },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      pack: r.pack,
      severity: r.severity,
      legal: r.legal.map((l) => `${l.source} ${l.article}`),
      tags: ['compliance', r.pack, ...(r.tags ?? [])],
    },
  };
}

const pascal = (id: string) => id.split('-').map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('');

function legalLine(l: LegalReference): string {
  return `${l.source}, ${l.article}${l.versionDate ? ` (${l.versionDate})` : ''}`;
}

function helpText(r: RuleDefinition, lang: Lang): string {
  const law = r.legal.map((l) => `${legalLine(l)}${l.quote ? `: « ${l.quote.trim()} »` : ''}`).join('\n');
  return `${r.summary[lang].trim()}\n\n${law}\n\n${text(lang, 'Fix', 'Correction')}: ${r.remediation[lang].trim()}`;
}

function helpMarkdown(r: RuleDefinition, lang: Lang): string {
  const law = r.legal
    .map((l) => `- ${l.url ? `[${legalLine(l)}](${l.url})` : legalLine(l)}${l.quote ? `\n\n  > ${l.quote.trim().replace(/\s*\n\s*/g, ' ')}` : ''}`)
    .join('\n');
  return `${r.summary[lang].trim()}\n\n**${text(lang, 'Law', 'Texte')}**\n\n${law}\n\n**${text(lang, 'Fix', 'Correction')}**: ${r.remediation[lang].trim()}`;
}

function artifactLocation(file: string): Json {
  const uri = file.replace(/\\/g, '/');
  if (/^(\/|[A-Za-z]:\/)/.test(uri)) return { uri: 'file://' + (uri.startsWith('/') ? '' : '/') + encodeURI(uri) };
  return { uri: encodeURI(uri.replace(/^\.\//, '')), uriBaseId: 'SRCROOT' };
}

function toResult(f: Finding, ruleIndex: number, lang: Lang): Json {
  const seen = f.status === 'violation' || f.status === 'waived' ? f.evidence.map((e) => `${e.pointer ?? e.fact + (e.path ?? '')}: ${formatValue(e.actual, lang)} (${text(lang, 'expected', 'attendu')} ${operatorSymbol(e.operator)} ${formatValue(e.expected, lang)})`) : [];
  const missing = f.missing?.length ? [`${text(lang, 'missing', 'manquant')}: ${f.missing.join(', ')}`] : [];
  const message = [f.message[lang].trim(), ...seen, ...missing].join('\n');
  const kind = f.status === 'undetermined' ? 'review' : 'fail';
  const logical = { fullyQualifiedName: f.pointer, ...(f.targetId ? { name: f.targetId } : {}), kind: 'object' };
  const location: Json = f.location?.file
    ? { physicalLocation: { artifactLocation: artifactLocation(f.location.file), region: { startLine: f.location.line, startColumn: f.location.column } }, logicalLocations: [logical] }
    : { logicalLocations: [logical] };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    kind,
    level: kind === 'fail' ? LEVEL[f.severity] : 'none',
    message: { text: message },
    locations: [location],
    partialFingerprints: { 'vigieTarget/v1': `${f.ruleId}|${f.location?.file ?? ''}|${f.pointer}` },
    ...(f.waiver ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.waiver.justification} (${f.waiver.approvedBy}, ${text(lang, 'until', 'jusqu’au')} ${f.waiver.expires})` }] } : {}),
    properties: {
      status: f.status,
      severity: f.severity,
      pack: f.pack,
      ...(f.targetId ? { targetId: f.targetId } : {}),
      legal: f.legal.map((l) => `${l.source} ${l.article}`),
      ...(f.missing?.length ? { missing: f.missing } : {}),
      ...(f.expiredWaiver ? { expiredWaiver: f.expiredWaiver } : {}),
    },
  };
}

function toNotification(w: WaiverStatus, lang: Lang): Json {
  const expired = w.status === 'expired';
  const where = w.waiver.location?.file
    ? [{ physicalLocation: { artifactLocation: artifactLocation(w.waiver.location.file), region: { startLine: w.waiver.location.line, startColumn: w.waiver.location.column } } }]
    : undefined;
  const target = `${w.waiver.rule} ${w.waiver.target}${w.waiver.file ? ` (${w.waiver.file})` : ''}`;
  return {
    descriptor: { id: expired ? 'waiver-expired' : 'waiver-unused', index: expired ? 0 : 1 },
    level: 'warning',
    message: {
      text: expired
        ? text(lang, `The waiver for ${target} expired on ${w.waiver.expires}: it no longer applies (${w.matched} finding(s)).`, `La dérogation pour ${target} a expiré le ${w.waiver.expires} : elle ne s’applique plus (${w.matched} constat(s)).`)
        : text(lang, `The waiver for ${target} matched no finding: remove it or correct its target.`, `La dérogation pour ${target} ne correspond à aucun constat : supprimez-la ou corrigez sa cible.`),
    },
    ...(where ? { locations: where } : {}),
    associatedRule: { id: w.waiver.rule },
  };
}
