import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  builtinRuleSet,
  evaluateMany,
  formatJson,
  formatJunit,
  formatMarkdown,
  formatSarif,
  parseConfig,
  parseWaivers,
  type Lang,
  type Report,
} from '../src/index.js';
import { read, ruleFolders } from './helpers.js';
import { SarifLogs, sarifProblems } from './sarif.js';

const produced = new SarifLogs();

const rules = builtinRuleSet().rules.map((r) => r.definition);
const load = (rel: string) => parseConfig(read(rel), { file: rel });
const waivers = parseWaivers(read('test/fixtures/waivers.yaml'), { file: 'test/fixtures/waivers.yaml' });
const ruleExamples = ruleFolders().flatMap(({ pack, id, dir }) =>
  readdirSync(dir)
    .filter((n) => n !== 'rule.yaml' && /\.ya?ml$/.test(n))
    .map((n) => `rules/${pack}/${id}/${n}`),
);

/** Reports built from the example deployments of the repository, in both languages. */
const cases: Array<{ name: string; lang: Lang; report: Report }> = [
  { name: 'compliant town', lang: 'fr', report: await evaluateMany([load('examples/small-town.yaml')], { asOf: '2026-06-01' }) },
  {
    name: 'both towns with waivers',
    lang: 'fr',
    report: await evaluateMany([load('examples/small-town.yaml'), load('examples/small-town-violations.yaml')], { asOf: '2026-06-01', waivers }),
  },
  { name: 'rule examples (with undetermined), English', lang: 'en', report: await evaluateMany(ruleExamples.map(load), { asOf: '2026-01-15', packs: ['fr-law'] }) },
];

describe.each(cases)('formats of $name', ({ name, lang, report }) => {
  const shownInSarif = report.findings.filter((f) => ['violation', 'waived', 'undetermined'].includes(f.status));

  it('SARIF has one result per violation, waived or undetermined finding, located and tied to its rule', () => {
    const log = JSON.parse(produced.add(name, formatSarif(report, { lang, rules })));
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'vigie', version: report.vigieVersion, informationUri: expect.stringMatching(/^https:/) });
    expect(run.results).toHaveLength(shownInSarif.length);
    run.results.forEach((r: Record<string, any>, i: number) => {
      const f = shownInSarif[i]!;
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.ruleId);
      expect(r.kind).toBe(f.status === 'undetermined' ? 'review' : 'fail');
      expect(r.level).toBe(f.status === 'undetermined' ? 'none' : 'error');
      const loc = r.locations[0];
      expect(loc.physicalLocation.artifactLocation.uri).toBe(f.location!.file);
      expect(loc.physicalLocation.region).toEqual({ startLine: f.location!.line, startColumn: f.location!.column });
      expect(loc.logicalLocations[0].fullyQualifiedName).toBe(f.pointer);
      expect(r.suppressions !== undefined).toBe(f.status === 'waived');
    });
    for (const d of run.tool.driver.rules) {
      const rule = rules.find((x) => x.id === d.id)!;
      expect(d.shortDescription.text).toBe(rule.title[lang]);
      expect(d.helpUri).toBe(rule.legal.find((l) => l.url)!.url);
      const quoted = rule.legal.find((l) => l.quote);
      if (quoted) expect(d.help.markdown).toContain(quoted.quote!.trim().split(/\s+/).slice(0, 4).join(' '));
      expect(d.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[rule.severity]);
      expect(d.properties).toMatchObject({ pack: rule.pack, severity: rule.severity });
    }
  });

  it('JUnit is well-formed XML with one test case per (rule, target) and a failure per violation', () => {
    const xml = formatJunit(report, { lang });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(report.packs);
    const testcases = suites.flatMap((s: { testcase?: unknown[] }) => s.testcase ?? []);
    expect(testcases).toHaveLength(report.findings.length);
    const keys = new Set(testcases.map((t: { classname: string; name: string }) => `${t.classname}|${t.name}`));
    expect(keys.size).toBe(report.findings.length);
    const failures = testcases.filter((t: { failure?: unknown }) => t.failure !== undefined);
    expect(failures).toHaveLength(report.summary.violation);
    for (const t of failures as Array<{ classname: string; failure: { message: string } }>) {
      const rule = report.findings.find((f) => `vigie.${f.pack}.${f.ruleId}` === t.classname)!;
      expect(t.failure.message).toContain(rule.legal[0]!.article);
    }
    const skipped = testcases.filter((t: { skipped?: unknown }) => t.skipped !== undefined);
    expect(skipped).toHaveLength(report.summary.waived + report.summary['not-applicable'] + report.summary.undetermined);
    expect(Number(suites[0].tests)).toBe(report.findings.filter((f) => f.pack === suites[0].name).length);
  });

  it('Markdown has a summary table and the findings grouped by rule', () => {
    const md = formatMarkdown(report, { lang, rules });
    expect(md).toContain(lang === 'fr' ? '| Statut | Nombre |' : '| Status | Count |');
    expect(md).toContain(`| ${lang === 'fr' ? 'Violation' : 'Violation'} | ${report.summary.violation} |`);
    for (const id of new Set(shownInSarif.map((f) => f.ruleId))) {
      expect(md).toContain(`#### \`${id}\` — ${rules.find((r) => r.id === id)!.title[lang]}`);
    }
    if (shownInSarif.length === 0) expect(md).toContain(lang === 'fr' ? 'Aucune violation' : 'No violation');
  });

  it('JSON is the report as the library returns it', () => {
    expect(JSON.parse(formatJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

describe('waivers in the formats', () => {
  const report = cases[1]!.report;

  it('the report says which waiver applied, expired and went unused', () => {
    expect(report.waivers.map((w) => [w.waiver.rule, w.status])).toEqual([
      ['no-audio-capture', 'applied'],
      ['retention-max-one-month', 'expired'],
      ['no-facial-recognition', 'unused'],
    ]);
    const expired = report.findings.find((f) => f.ruleId === 'retention-max-one-month' && f.targetId === 'SE-03' && f.location?.file === 'examples/small-town-violations.yaml')!;
    expect(expired.status).toBe('violation');
    expect(expired.expiredWaiver).toMatchObject({ expires: '2026-01-31' });
    expect(report.waivers[2]!.waiver.location).toEqual({ file: 'test/fixtures/waivers.yaml', line: 15, column: 5 });
  });

  it('SARIF suppresses the waived finding and reports expired and unused waivers as notifications', () => {
    const run = JSON.parse(produced.add('waivers', formatSarif(report, { lang: 'en', rules }))).runs[0];
    const waived = run.results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(waived).toHaveLength(1);
    expect(waived[0].suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted', justification: expect.stringContaining('Microphone physically removed') });
    const notes = run.invocations[0].toolConfigurationNotifications;
    expect(notes.map((n: { descriptor: { id: string } }) => n.descriptor.id)).toEqual(['waiver-expired', 'waiver-unused']);
    expect(notes[0].message.text).toContain('expired on 2026-01-31');
    expect(notes[1].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'test/fixtures/waivers.yaml' }, region: { startLine: 15 } });
    const expired = run.results.find((r: { properties: { expiredWaiver?: unknown } }) => r.properties.expiredWaiver);
    expect(expired.ruleId).toBe('retention-max-one-month');
  });

  it('Markdown and JUnit show the waived finding, JUnit as skipped with its justification', () => {
    const md = formatMarkdown(report, { lang: 'fr', rules });
    expect(md).toContain('Microphone physically removed');
    expect(md).toContain('expirée le 2026-01-31');
    expect(md).toContain('inutilisée');
    const xml = formatJunit(report, { lang: 'en' });
    expect(xml).toMatch(/<skipped message="waived: Microphone physically removed/);
  });
});

describe('escaping', () => {
  it('JUnit and Markdown escape what their syntax would misread', async () => {
    const config = parseConfig('cameras:\n  - id: "A<&>\\"\'|\\u0001"\n    audio: { capture: true }\n', { file: 'odd & <name>.yaml' });
    const report = await evaluateMany([config], { asOf: '2026-06-01' });
    const xml = formatJunit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const cases = [doc.testsuites.testsuite.testcase].flat();
    expect(cases.some((t: { name: string }) => t.name.startsWith('A<&>"\'|'))).toBe(true);
    const md = formatMarkdown(report);
    expect(md).toContain('A<&>"\'\\|');
    produced.add('odd names', formatSarif(report));
  });
});

describe('SARIF validation', () => {
  it('every SARIF log above passes the OASIS schema and the Microsoft validator', () => {
    expect(produced.logs.length).toBeGreaterThanOrEqual(5);
    expect(produced.problems()).toEqual([]);
  });

  it('the validators do catch broken logs (the check above can fail)', () => {
    const valid = formatSarif(cases[1]!.report, { rules });
    const noName = JSON.parse(valid);
    delete noName.runs[0].tool.driver.name; // required by the schema
    const badIndex = JSON.parse(valid);
    badIndex.runs[0].results[0].ruleIndex = 99; // schema-valid, but names no rule: SARIF1009
    const [schemaBroken, ruleBroken] = sarifProblems([JSON.stringify(noName), JSON.stringify(badIndex)]);
    expect(schemaBroken!.some((p) => p.startsWith('schema:'))).toBe(true);
    expect(ruleBroken!.some((p) => p.startsWith('schema:'))).toBe(false);
    expect(ruleBroken!.some((p) => /^SARIF1\d{3} error/.test(p))).toBe(true);
  });
});
