import type { Lang, LogSummary } from '../types.js';

/** Skipped lines listed per log in the text report; the JSON report lists more, and counts all. */
const SHOWN = 20;

const words = {
  fr: { read: 'lignes lues', events: 'événements audités', blank: 'vides', skipped: 'ignorées', line: 'ligne', more: 'autre(s)', omitted: 'constat(s) comptés mais non listés' },
  en: { read: 'lines read', events: 'events audited', blank: 'blank', skipped: 'skipped', line: 'line', more: 'more', omitted: 'finding(s) counted but not listed' },
} as const;

/** What each audited log gave: lines, events, and the lines that could not be audited. */
export function formatLogSummaries(logs: LogSummary[], lang: Lang): string[] {
  const w = words[lang];
  const out: string[] = [];
  for (const log of logs) {
    out.push(`${log.file ?? '<log>'}: ${log.lines} ${w.read}, ${log.events} ${w.events}, ${log.blank} ${w.blank}, ${log.skippedCount} ${w.skipped}`);
    for (const s of log.skipped.slice(0, SHOWN)) out.push(`  ${log.file ?? '<log>'}:${s.line}:1: [${s.code}] ${s.message}`);
    if (log.skippedCount > SHOWN) out.push(`  … ${log.skippedCount - SHOWN} ${w.more}`);
    if (log.omittedFindings > 0) out.push(`  ${log.omittedFindings} ${w.omitted}`);
  }
  if (out.length) out.push('');
  return out;
}
