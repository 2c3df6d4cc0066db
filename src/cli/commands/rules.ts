import { normalizeAsOf, selectRules } from '../../evaluate.js';
import { formatValue } from '../../engine/template.js';
import { resolveParameters } from '../../packs/parameters.js';
import type { RuleSet } from '../../packs/rule-set.js';
import type { Lang } from '../../types.js';
import { list, oneOf, parseCommandArgs, usageError } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { prepareEvaluation, readReportOptions, reportOptionSpecs } from '../report-options.js';

const specs = {
  pack: reportOptionSpecs.pack,
  rules: reportOptionSpecs.rules,
  lang: reportOptionSpecs.lang,
  'as-of': reportOptionSpecs['as-of'],
  parameter: reportOptionSpecs.parameter,
  format: { type: 'string', default: 'text' },
} as const;

export const rules: Command = {
  name: 'rules',
  summary: 'list the rules, or show one with its legal text and parameters',
  help: `Usage: vigie rules list [options]
       vigie rules show RULE-ID [options]

"list" prints every rule of the packs (id, pack, severity, title); "show" prints one rule: its
summary, the law it encodes (article, French quote, source), its parameters as of a date, and
how to fix a violation.

Options:
  --pack LIST            only these packs (list; default all packs)
  --rules DIR            add a custom rule pack (repeatable)
  --as-of YYYY-MM-DD     the date parameters are shown as of (show; default today)
  --parameter ID=ALT     show the alternative ALT of parameter ID (repeatable)
  --lang fr|en           language (default fr)
  --format text|json     output format (default text)
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, specs);
    const [sub, id, ...extra] = positionals;
    if (sub !== 'list' && sub !== 'show') throw usageError(`expected "rules list" or "rules show RULE-ID"${sub ? `, got "rules ${sub}"` : ''}`);
    if (extra.length || (sub === 'list' && id !== undefined)) throw usageError(`unexpected argument "${sub === 'list' ? id : extra[0]}"`);
    const format = oneOf('format', values.format, ['text', 'json'] as const)!;
    const options = readReportOptions({ ...values, format: 'text' });
    const { ruleSet } = prepareEvaluation(options);
    if (sub === 'list') return listRules(ruleSet, list(values.pack), options.lang, format, io);
    if (id === undefined) throw usageError('"rules show" needs a rule id');
    return showRule(ruleSet, id, options.lang, normalizeAsOf(options.asOf), options.parameterChoices, format, io);
  },
};

function listRules(ruleSet: RuleSet, packs: string[] | undefined, lang: Lang, format: 'text' | 'json', io: CliIO): number {
  if (packs) selectRules(ruleSet, packs, '0001-01-01'); // refuses unknown packs
  const chosen = ruleSet.rules.filter((r) => !packs || packs.includes(r.definition.pack)).map((r) => r.definition);
  if (format === 'json') {
    io.stdout(JSON.stringify(chosen.map((r) => ({ id: r.id, pack: r.pack, severity: r.severity, scope: r.scope, title: r.title, effective: r.effective })), null, 2) + '\n');
    return EXIT.ok;
  }
  const width = Math.max(2, ...chosen.map((r) => r.id.length));
  const packWidth = Math.max(4, ...chosen.map((r) => r.pack.length));
  io.stdout(chosen.map((r) => `${r.id.padEnd(width)}  ${r.pack.padEnd(packWidth)}  ${r.severity.padEnd(7)}  ${r.title[lang]}`).join('\n') + '\n');
  return EXIT.ok;
}

function showRule(ruleSet: RuleSet, id: string, lang: Lang, asOf: string, choices: Record<string, string>, format: 'text' | 'json', io: CliIO): number {
  const rule = ruleSet.rules.find((r) => r.definition.id === id);
  if (!rule) throw usageError(`unknown rule "${id}" (see "vigie rules list")`);
  const d = rule.definition;
  const params = resolveParameters(ruleSet.parameters.filter((p) => rule.parameters.includes(p.id)), asOf, choices);
  if (format === 'json') {
    io.stdout(JSON.stringify({ rule: d, file: rule.file, asOf, parameters: Object.values(params.evidence) }, null, 2) + '\n');
    return EXIT.ok;
  }
  const fr = lang === 'fr';
  const inForce = d.effective.from <= asOf && (d.effective.until === undefined || asOf <= d.effective.until);
  const out = [
    `${d.id} — ${d.title[lang]}`,
    `${fr ? 'Paquet' : 'Pack'}: ${d.pack} · ${fr ? 'gravité' : 'severity'}: ${d.severity} · ${fr ? 'porte sur' : 'scope'}: ${d.scope} · ${fr ? 'en vigueur' : 'in force'}: ${d.effective.from}${d.effective.until ? ` → ${d.effective.until}` : ''}${inForce ? '' : fr ? ` (pas au ${asOf})` : ` (not on ${asOf})`}`,
    '',
    d.summary[lang].trim(),
    '',
    `${fr ? 'Texte' : 'Law'}:`,
  ];
  for (const l of d.legal) {
    out.push(`  - ${l.source}, ${l.article}${l.versionDate ? ` (${l.versionDate})` : ''} [${l.confidence}]`);
    if (l.quote) out.push(`    « ${l.quote.trim().replace(/\s*\n\s*/g, ' ')} »`);
    if (l.url) out.push(`    ${l.url}`);
    if (l.note) out.push(`    ${l.note.trim()}`);
  }
  if (rule.parameters.length) {
    out.push('', `${fr ? 'Paramètres au' : 'Parameters as of'} ${asOf}:`);
    for (const p of rule.parameters) {
      const e = params.evidence[p];
      const def = ruleSet.parameters.find((x) => x.id === p)!;
      out.push(
        e
          ? `  - ${p} = ${formatValue(e.value, lang)} (${fr ? 'depuis le' : 'since'} ${e.since}${e.alternative ? `, ${fr ? 'variante' : 'alternative'} ${e.alternative}` : ''}; ${e.references.map((r) => `${r.source} ${r.article}`).join(', ')}) — ${def.description[lang].trim()}`
          : `  - ${p}: ${fr ? 'aucune valeur à cette date' : 'no value on that date'}`,
      );
      if (def.alternatives?.length) out.push(`    ${fr ? 'variantes' : 'alternatives'}: ${def.alternatives.map((a) => a.id).join(', ')} (--parameter ${p}=…)`);
    }
  }
  out.push('', `${fr ? 'Correction' : 'Fix'}: ${d.remediation[lang].trim()}`);
  if (d.notes) out.push('', `${fr ? 'Notes' : 'Notes'}: ${d.notes[lang].trim()}`);
  io.stdout(out.join('\n') + '\n');
  return EXIT.ok;
}
