// Renders the rule catalogue as Markdown: docs/rules/README.md and one page per rule. Pure
// functions of the loaded rule files: no clock, no machine paths, stable ordering, so the same
// rules always give byte-identical pages.
import { declaredExample, exampleLog } from './catalogue.mjs';

export const DOCS_DIR = 'docs/rules';

const CONFIDENCE = {
  C: { fr: 'confirmé', en: 'confirmed', fr_long: 'texte vérifié à la source officielle', en_long: 'checked against the official text' },
  S: { fr: 'source secondaire', en: 'secondary source', fr_long: 'rapporté par une source secondaire (presse, éditeur, doctrine)', en_long: 'reported by a secondary source (press, vendor, commentary)' },
  M: { fr: 'de mémoire', en: 'from memory', fr_long: 'cité de mémoire, à vérifier', en_long: 'quoted from memory, to be checked' },
  U: { fr: 'incertain', en: 'uncertain', fr_long: 'point incertain ou discuté', en_long: 'uncertain or disputed point' },
};

const SEVERITY = { error: 'erreur / error', warning: 'avertissement / warning', info: 'information / info' };

const OUTCOME = {
  pass: 'Conforme / compliant',
  violation: 'Non conforme / violating',
  undetermined: 'Indéterminé / undetermined',
  'not-applicable': 'Non applicable / not applicable',
};

const UNIT = {
  duration: 'durée / duration',
  days: 'jours / days',
  metres: 'mètres / metres',
  date: 'date',
  list: 'liste / list',
  choice: 'choix / choice',
  number: 'nombre / number',
  text: 'texte / text',
};

const TIGHTER = {
  lower: 'plus bas / lower',
  higher: 'plus haut / higher',
  earlier: 'plus tôt / earlier',
  later: 'plus tard / later',
  subset: 'sous-ensemble / subset',
  none: 'sans objet / not applicable',
};

// Code-point order, not the locale's: the output must not depend on the machine.
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const code = (s) => '`' + String(s).replace(/`/g, 'ʼ') + '`';
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const oneLine = (s) => String(s).replace(/\s*\n\s*/g, ' ').trim();

/** A value written compactly, YAML-flow style: `{ months: 1 }`, `[a, b]`. */
export function inline(value) {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${k}: ${inline(v)}`).join(', ')} }` : '{}';
  }
  return String(value);
}

const isRef = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string' && Object.keys(v).every((k) => k === 'fact' || k === 'path');

/** A fact reference as the docs write it: `camera:/audio/capture`, `param:retention-max`, `retentionDays`. */
function ref(r, scope) {
  if (r.fact === 'target') return `${scope}:${r.path ?? '/'}`;
  if (r.fact === 'deployment') return `deployment:${r.path ?? '/'}`;
  if (r.fact === 'param') return `param:${(r.path ?? '').replace(/^\//, '')}`;
  return r.path ? `${r.fact}:${r.path}` : r.fact;
}

function argument(v, scope) {
  if (isRef(v)) return ref(v, scope);
  if (Array.isArray(v)) return `[${v.map((x) => argument(x, scope)).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${argument(x, scope)}`).join(', ')} }`;
  return JSON.stringify(v);
}

/**
 * How an operator reads in a condition: the symbol the reports use (`operatorSymbol` of vigie,
 * so that pages and reports read alike), except `isKnown`, whose meaning depends on its value.
 */
function operatorText(name, value, symbol) {
  if (name.split(':').pop() === 'isKnown') return value === false ? 'n’est pas renseigné / is not stated' : 'est renseigné / is stated';
  return symbol(name);
}

/** A condition tree as nested Markdown bullets. */
export function conditionLines(node, scope, symbol, depth = 0) {
  const pad = '  '.repeat(depth);
  const label = node.name ? `*${node.name}* — ` : '';
  if (node.all) return [`${pad}- ${label}**toutes / all**`, ...node.all.flatMap((c) => conditionLines(c, scope, symbol, depth + 1))];
  if (node.any) return [`${pad}- ${label}**au moins une / any**`, ...node.any.flatMap((c) => conditionLines(c, scope, symbol, depth + 1))];
  if (node.not) return [`${pad}- ${label}**non / not**`, ...conditionLines(node.not, scope, symbol, depth + 1)];
  const base = node.operator.split(':').pop();
  const subject = code(ref({ fact: node.fact, path: node.path }, scope));
  const tail = base === 'isKnown' ? '' : ` ${isRef(node.value) ? code(ref(node.value, scope)) : code(inline(node.value))}`;
  return [`${pad}- ${label}${subject} ${operatorText(node.operator, node.value, symbol)}${tail}`];
}

function referenceBlock(r, heading) {
  const c = CONFIDENCE[r.confidence];
  const lines = [`${heading} ${r.source} — ${r.article}`, ''];
  lines.push(`- Confiance / confidence : **[${r.confidence}]** ${c.fr} / ${c.en} (${c.fr_long} / ${c.en_long})`);
  if (r.versionDate) lines.push(`- Version du texte / text as of : ${r.versionDate}`);
  if (r.url) lines.push(`- Lien / link : <${r.url}>`);
  if (r.note) lines.push(`- Note : ${oneLine(r.note)}`);
  if (r.quote) lines.push('', ...oneLine(r.quote).split('\n').map((l) => `> ${l}`));
  lines.push('');
  return lines;
}

function bilingualBlock(title, text) {
  return [`## ${title}`, '', `**Français.** ${oneLine(text.fr)}`, '', `**English.** ${oneLine(text.en)}`, ''];
}

function valueSeries(values) {
  const lines = ['| en vigueur / in force | valeur / value | références / references |', '|---|---|---|'];
  const sorted = [...values].sort((a, b) => compare(a.from, b.from));
  sorted.forEach((v, i) => {
    // A value without `until` holds until the next one starts (that day excluded).
    const next = sorted[i + 1];
    const period = v.until ? `${v.from} → ${v.until}` : next ? `${v.from} → ${next.from} (exclu / excluded)` : `depuis / since ${v.from}`;
    const refs = v.references.map((r) => `${r.source}, ${r.article} [${r.confidence}]`).join(' ; ');
    lines.push(`| ${cell(period)} | ${cell(code(inline(v.value)))} | ${cell(refs)}${v.note ? ` — ${cell(oneLine(v.note))}` : ''} |`);
  });
  return lines;
}

function parameterSection(p) {
  const lines = [`### ${code(p.id)} (pack ${code(p.pack)})`, ''];
  lines.push(`${oneLine(p.description.fr)} / ${oneLine(p.description.en)}`, '');
  lines.push(`- Unité / unit : ${UNIT[p.unit] ?? p.unit}`);
  lines.push(`- Plus strict si / tighter is : ${TIGHTER[p.tighterIs] ?? p.tighterIs}`, '');
  lines.push(...valueSeries(p.values), '');
  const quoted = p.values.flatMap((v) => v.references).filter((r) => r.quote || r.note);
  for (const r of quoted) lines.push(...referenceBlock(r, '####'));
  for (const a of p.alternatives ?? []) {
    lines.push(`#### Variante / alternative ${code(a.id)}`, '');
    lines.push(`${oneLine(a.description.fr)} / ${oneLine(a.description.en)}`, '');
    lines.push(`Choisir avec / select with \`parameterChoices: { ${p.id}: ${a.id} }\`.`, '');
    lines.push(...valueSeries(a.values), '');
  }
  return lines;
}

/**
 * The `earlier:` section of a rule on a streamed scope: facts read from events seen before the
 * current one in the same log (a requisition received before the export that cites it…).
 */
function earlierLines(earlier, scope) {
  const lines = [
    'Événements antérieurs du journal / earlier events of the log — chaque fait désigne un événement déjà lu, inconnu si aucun ne correspond. ' +
      '/ Each fact names an event already read; unknown when none matches.',
    '',
  ];
  for (const [name, spec] of Object.entries(earlier)) {
    const which = spec.keep === 'last' ? 'dernier / last' : 'premier / first';
    const where = (spec.where ?? []).map((w) => `${code(w.path)} = ${isRef(w.equals) ? code(ref(w.equals, scope)) : code(inline(w.equals))}`);
    const lookup = isRef(spec.lookup) ? code(ref(spec.lookup, scope)) : code(inline(spec.lookup));
    lines.push(
      `- ${code(name)} = ${which} événement antérieur / earlier event${where.length ? ` où / where ${where.join(' et / and ')}` : ''}` +
        ` et dont / and whose ${code(spec.key)} = ${lookup} de l’événement jugé / of the event judged` +
        (spec.limit ? ` (mémoire : ${spec.limit} clés / remembers ${spec.limit} keys)` : ''),
    );
  }
  lines.push('');
  return lines;
}

/** The page of one rule. */
export function renderRulePage(rule, ruleSet, vigie) {
  const symbol = vigie.operatorSymbol;
  const d = rule.definition;
  const scope = ruleSet.scopes[d.scope];
  const pack = ruleSet.packs.find((p) => p.id === d.pack);
  const out = [`# ${d.title.fr}`, '', `*${d.title.en}*`, ''];
  out.push('| | |', '|---|---|');
  out.push(`| Identifiant / id | ${code(d.id)} |`);
  out.push(`| Pack | ${code(d.pack)}${pack ? ` — ${cell(pack.title.fr)} / ${cell(pack.title.en)}` : ''} |`);
  out.push(`| Gravité / severity | ${SEVERITY[d.severity]} |`);
  out.push(`| Portée / scope | ${code(d.scope)}${scope ? ` — ${scope.label.fr} / ${scope.label.en}${scope.each ? ` (${code(scope.each)})` : ''}` : ''} |`);
  out.push(`| En vigueur / in force | ${d.effective.until ? `${d.effective.from} → ${d.effective.until}` : `depuis / since ${d.effective.from}`} |`);
  out.push(`| Fichier / file | [${rule.file}](../../${rule.file}) |`);
  if (d.tags?.length) out.push(`| Étiquettes / tags | ${d.tags.map(code).join(', ')} |`);
  out.push('');

  out.push(...bilingualBlock('Résumé / summary', d.summary));

  out.push('## Références juridiques / legal references', '');
  d.legal.forEach((r) => out.push(...referenceBlock(r, '###')));

  const params = rule.parameters.map((id) => ruleSet.parameters.find((p) => p.id === id)).filter(Boolean);
  if (params.length) {
    out.push('## Paramètres / parameters', '');
    out.push('Valeurs datées : l’évaluation retient celle en vigueur à la date `asOf`. / Dated values: evaluation uses the one in force on `asOf`.', '');
    for (const p of params) out.push(...parameterSection(p));
  }

  out.push('## Conditions', '');
  out.push(
    'Ce qui doit être vrai pour que la cible soit conforme. Une donnée absente rend le résultat *indéterminé*, jamais conforme. ' +
      '/ What must hold for the target to comply. Missing data makes the outcome *undetermined*, never compliant. ' +
      'Notation : [docs/rule-format.md](../rule-format.md#conditions).',
    '',
  );
  if (d.earlier && Object.keys(d.earlier).length) out.push(...earlierLines(d.earlier, d.scope));
  if (d.facts && Object.keys(d.facts).length) {
    out.push('Faits dérivés / derived facts :', '');
    for (const [name, spec] of Object.entries(d.facts)) {
      const [fn, args] = Object.entries(spec)[0];
      const rendered = Array.isArray(args)
        ? args.map((a) => argument(a, d.scope)).join(', ')
        : args !== null && typeof args === 'object' && !isRef(args)
          ? Object.entries(args).map(([k, v]) => `${k}: ${argument(v, d.scope)}`).join(', ')
          : argument(args, d.scope);
      out.push(`- ${code(name)} = [${fn}](../rule-format.md#${fn.toLowerCase()})(${code(rendered)})`);
    }
    out.push('');
  }
  if (d.appliesIf) out.push('S’applique si / applies if :', '', ...conditionLines(d.appliesIf, d.scope, symbol), '');
  out.push('Conforme si / complies if :', '');
  out.push(...conditionLines(d.conditions, d.scope, symbol), '');

  out.push(...bilingualBlock('Mise en conformité / remediation', d.remediation));
  if (d.notes) out.push(...bilingualBlock('Notes', d.notes));

  const examples = rule.folder?.examples ?? [];
  if (examples.length) {
    out.push('## Exemples / examples', '');
    const rank = (e) => (e.expect === 'pass' ? 0 : e.expect === 'violation' ? 1 : 2);
    const sorted = examples
      .map((e) => ({ ...e, ...declaredExample(d, e.name), expect: vigie.expectedOutcome(d, e.name) }))
      .sort((a, b) => rank(a) - rank(b) || compare(a.name, b.name));
    for (const e of sorted) {
      out.push(`### ${OUTCOME[e.expect] ?? 'Résultat non déclaré / outcome not declared'} — ${code(e.name)}`, '');
      out.push(`Résultat attendu / expected outcome : **${e.expect ?? '?'}**${e.asOf ? ` (asOf ${e.asOf})` : ''}${e.note ? ` — ${oneLine(e.note)}` : ''}`, '');
      const lang = e.name.endsWith('.json') ? 'json' : 'yaml';
      out.push('```' + lang, e.text.replace(/\s+$/, ''), '```', '');
      const log = rule.folder && exampleLog(rule.folder, e);
      if (log) {
        out.push(`Journal audité avec cet exemple / access log audited with it : ${code(log.name)}`, '');
        out.push('```' + (log.name.endsWith('.csv') ? 'csv' : 'json'), log.text.replace(/\s+$/, ''), '```', '');
      }
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

const packOrder = (a, b) => Number(b.default) - Number(a.default) || compare(a.id, b.id);

/** The catalogue: every pack, one row per rule, then the parameters. */
export function renderCatalogue(rules, ruleSet) {
  const out = ['# Catalogue des règles / rule catalogue', ''];
  out.push(
    'Généré par `npm run docs` à partir des fichiers de `rules/` : ne pas modifier à la main. ' +
      '/ Generated by `npm run docs` from the files under `rules/`: do not edit by hand.',
    '',
    'Confiance / confidence : **[C]** confirmé / confirmed, **[S]** source secondaire / secondary source, ' +
      '**[M]** de mémoire / from memory, **[U]** incertain / uncertain. Format des règles / rule format : [../rule-format.md](../rule-format.md).',
    '',
  );
  for (const pack of [...ruleSet.packs].sort(packOrder)) {
    const mine = rules.filter((r) => r.definition.pack === pack.id).sort((a, b) => compare(a.definition.id, b.definition.id));
    out.push(`## ${pack.title.fr} / ${pack.title.en} (${code(pack.id)})`, '');
    out.push(`${oneLine(pack.description.fr)}`, '', `*${oneLine(pack.description.en)}*`, '');
    out.push(pack.default ? 'Évalué par défaut. / Evaluated by default.' : `À activer : / opt in: \`--pack ${pack.id}\`.`, '');
    if (!mine.length) {
      out.push('Aucune règle pour l’instant. / No rule yet.', '');
      continue;
    }
    out.push(`${mine.length} règle(s) / rule(s).`, '');
    out.push('| id | titre | title | gravité / severity | base légale / legal basis | confiance / confidence |', '|---|---|---|---|---|---|');
    for (const r of mine) {
      const d = r.definition;
      const basis = d.legal.map((l) => `${l.source}, ${l.article}`).join(' ; ');
      const conf = d.legal.map((l) => `[${l.confidence}]`).join(' ');
      out.push(`| [${code(d.id)}](${d.id}.md) | ${cell(d.title.fr)} | ${cell(d.title.en)} | ${d.severity} | ${cell(basis)} | ${conf} |`);
    }
    out.push('');
  }
  if (ruleSet.parameters.length) {
    out.push('## Paramètres / parameters', '');
    out.push('| id | pack | description | valeurs / values |', '|---|---|---|---|');
    for (const p of [...ruleSet.parameters].sort((a, b) => compare(a.id, b.id))) {
      const values = [...p.values].sort((a, b) => compare(a.from, b.from)).map((v) => `${v.from} : ${code(inline(v.value))} [${v.references.map((r) => r.confidence).join('')}]`);
      const alts = (p.alternatives ?? []).map((a) => `variante / alternative ${code(a.id)}`);
      out.push(`| ${code(p.id)} | ${code(p.pack)} | ${cell(oneLine(p.description.fr))} / ${cell(oneLine(p.description.en))} | ${cell([...values, ...alts].join(' ; '))} |`);
    }
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** Every generated file, path (relative to the root) → content, in a stable order. */
export function renderDocs(catalogue) {
  const files = new Map();
  files.set(`${DOCS_DIR}/README.md`, renderCatalogue(catalogue.rules, catalogue.ruleSet));
  for (const r of [...catalogue.rules].sort((a, b) => compare(a.definition.id, b.definition.id))) {
    files.set(`${DOCS_DIR}/${r.definition.id}.md`, renderRulePage(r, catalogue.ruleSet, catalogue.vigie));
  }
  return files;
}
