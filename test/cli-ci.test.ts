import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { read, runVigie } from './helpers.js';
import { SarifLogs } from './sarif.js';

const tmp = mkdtempSync(join(tmpdir(), 'vigie-ci-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const produced = new SarifLogs();
const AS_OF = ['--as-of', '2026-06-01'];
const VIOLATIONS = 'examples/small-town-violations.yaml';
const WAIVERS = 'test/fixtures/waivers.yaml';
const PACKS = 'test/fixtures/packs';

/** A deployment whose only problem is a warning-level finding of the city-practice fixture pack. */
const warningOnly = file('warning-only.yaml', 'recording:\n  retention: { days: 10 }\ncameras:\n  - id: W-1\n    audio: { capture: false }\n    analytics: { facialRecognition: false, biometricIdentification: false }\n');
const cityPack = ['--rules', `${PACKS}/city-practice`, '--pack', 'fr-law,city-practice'];

describe('vigie check: exit codes (built binary)', () => {
  it('0 when nothing reaches the threshold, 1 when a violation does, 2 on invalid input', () => {
    expect(runVigie(['check', 'examples/small-town.yaml', ...AS_OF]).code).toBe(0);
    expect(runVigie(['check', VIOLATIONS, ...AS_OF]).code).toBe(1);
    expect(runVigie(['check', file('bad.yaml', 'cameras: [ { id: A, audio: { capture: maybe } } ]\n'), ...AS_OF]).code).toBe(2);
  });

  it('--fail-on: a warning fails with warning or info, not with error or never', () => {
    const run = (failOn: string) => runVigie(['check', warningOnly, ...cityPack, '--fail-on', failOn, ...AS_OF]);
    const base = run('error');
    expect(base.stdout).toContain('VIOLATION camera-location-stated [warning]');
    expect(base.code).toBe(0);
    expect(run('warning').code).toBe(1);
    expect(run('info').code).toBe(1);
    expect(run('never').code).toBe(0);
    expect(runVigie(['check', VIOLATIONS, '--fail-on', 'never', ...AS_OF]).code).toBe(0);
    expect(runVigie(['check', VIOLATIONS, '--fail-on', 'fatal']).code).toBe(2);
  });

  it('undetermined findings fail only with --fail-on-undetermined, and JUnit then counts them as failures', () => {
    const gap = file('gap.yaml', 'cameras:\n  - id: G-1\n    audio: { capture: false }\n    analytics: { facialRecognition: false, biometricIdentification: false }\n');
    expect(runVigie(['check', gap, ...AS_OF]).code).toBe(0);
    const strict = runVigie(['check', gap, '--fail-on-undetermined', '--format', 'junit', ...AS_OF]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/<failure [^>]*type="undetermined"/);
    expect(runVigie(['check', gap, '--format', 'junit', ...AS_OF]).stdout).not.toContain('<failure');
  });

  it('2 on usage errors, with no stack trace', () => {
    for (const args of [['check', VIOLATIONS, '--format', 'sarif,junit'], ['check', VIOLATIONS, '--format', 'pdf'], ['check', VIOLATIONS, '--output', 'a', '--output-dir', 'b'], ['check', VIOLATIONS, '--parameter', 'nonsense'], ['check', VIOLATIONS, '--as-of', '2026-13-01']]) {
      const r = runVigie(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('vigie check: inputs and outputs', () => {
  it('reads directories recursively in sorted order and stdin ("-"), one report naming each file', () => {
    const dir = join(tmp, 'site');
    mkdirSync(join(dir, 'north'), { recursive: true });
    writeFileSync(join(dir, 'north', 'b.yaml'), read(VIOLATIONS));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ cameras: [{ id: 'J-1', audio: { capture: true } }] }));
    writeFileSync(join(dir, 'notes.txt'), 'not a deployment');
    const r = runVigie(['check', dir, '-', '--format', 'json', ...AS_OF], { input: 'cameras:\n  - id: S-1\n    audio: { capture: true }\n' });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.inputs).toEqual([join(dir, 'a.json'), join(dir, 'north', 'b.yaml'), '<stdin>']);
    const audio = report.findings.filter((f: { ruleId: string; status: string }) => f.ruleId === 'no-audio-capture' && f.status === 'violation');
    expect(audio.map((f: { targetId: string; location: { file: string } }) => `${f.location.file}#${f.targetId}`)).toEqual([`<stdin>#S-1`, `${join(dir, 'a.json')}#J-1`, `${join(dir, 'north', 'b.yaml')}#SE-02`].sort());
  });

  it('writes several formats with --output-dir, and one with --output', () => {
    const out = join(tmp, 'reports');
    const r = runVigie(['check', VIOLATIONS, '--format', 'text,json,sarif,junit,markdown', '--output-dir', out, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    for (const name of ['vigie.txt', 'vigie.json', 'vigie.sarif', 'vigie-junit.xml', 'vigie.md']) expect(existsSync(join(out, name)), name).toBe(true);
    produced.add('--output-dir', readFileSync(join(out, 'vigie.sarif'), 'utf8'));
    expect(XMLValidator.validate(readFileSync(join(out, 'vigie-junit.xml'), 'utf8'))).toBe(true);
    expect(readFileSync(join(out, 'vigie.md'), 'utf8')).toContain('## Rapport vigie');
    expect(readFileSync(join(out, 'vigie.txt'), 'utf8')).not.toContain('\u001b[');
    const one = join(tmp, 'one.sarif');
    expect(runVigie(['check', VIOLATIONS, '--format', 'sarif', '--output', one, ...AS_OF]).code).toBe(1);
    expect(JSON.parse(readFileSync(one, 'utf8')).version).toBe('2.1.0');
  });

  it('colours text only on demand or on a terminal, and never with NO_COLOR', () => {
    expect(runVigie(['check', VIOLATIONS, ...AS_OF]).stdout).not.toContain('\u001b[');
    expect(runVigie(['check', VIOLATIONS, '--color', ...AS_OF]).stdout).toContain('\u001b[31;1mVIOLATION');
    expect(runVigie(['check', VIOLATIONS, '--no-color', ...AS_OF], { env: { NO_COLOR: '' } }).stdout).not.toContain('\u001b[');
  });

  it('SARIF from stdin and --lang en passes both validators', () => {
    const r = runVigie(['check', '-', '--format', 'sarif', '--lang', 'en', ...AS_OF], { input: read(VIOLATIONS) });
    expect(r.code).toBe(1);
    const run = JSON.parse(produced.add('stdin', r.stdout)).runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('%3Cstdin%3E');
    const audio = run.tool.driver.rules.find((d: { id: string }) => d.id === 'no-audio-capture');
    expect(audio.shortDescription.text).toBe('No sound capture');
  });

  it('--parameter selects a parameter alternative, and an unknown one is a usage error', () => {
    const calendar = file('feb.yaml', 'recording:\n  retention: { days: 30 }\ncameras:\n  - id: F-1\n');
    expect(runVigie(['check', calendar, '--as-of', '2026-02-15']).code).toBe(0);
    expect(runVigie(['check', calendar, '--as-of', '2026-02-15', '--parameter', 'month-counting=calendar']).code).toBe(1);
    const bad = runVigie(['check', calendar, '--parameter', 'month-counting=lunar']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('has no alternative "lunar"');
  });
});

describe('vigie check --waivers', () => {
  it('text shows the waived finding, the expired and the unused waiver with their place in the waivers file', () => {
    const r = runVigie(['check', VIOLATIONS, '--waivers', WAIVERS, '--lang', 'en', ...AS_OF]);
    expect(r.code).toBe(1); // the expired waiver no longer hides SE-03, and SE-04 is not waived
    expect(r.stdout).toMatch(/WAIVED no-audio-capture .*\(SE-02\)\n.*\n {2}- waiver: Microphone physically removed/);
    expect(r.stdout).toMatch(/VIOLATION retention-max-one-month .*\(SE-03\)[\s\S]*expired waiver \(2026-01-31\)/);
    expect(r.stdout).toContain(`${WAIVERS}:10:5: expired waiver: retention-max-one-month /cameras/2`);
    expect(r.stdout).toContain(`${WAIVERS}:15:5: unused waiver: no-facial-recognition SE-99`);
  });

  it('JSON and SARIF show them too', () => {
    const r = runVigie(['check', VIOLATIONS, '--waivers', WAIVERS, '--format', 'json', ...AS_OF]);
    expect(r.stderr).toContain(`vigie: warning: ${WAIVERS}:15:5: unused waiver for no-facial-recognition SE-99 (matches no finding)`);
    const json = JSON.parse(r.stdout);
    expect(json.waivers.map((w: { status: string }) => w.status)).toEqual(['applied', 'expired', 'unused']);
    expect(json.findings.find((f: { targetId: string; ruleId: string }) => f.targetId === 'SE-02' && f.ruleId === 'no-audio-capture').status).toBe('waived');
    const sarif = runVigie(['check', VIOLATIONS, '--waivers', WAIVERS, '--format', 'sarif', ...AS_OF]).stdout;
    const run = JSON.parse(produced.add('waivers', sarif)).runs[0];
    expect(run.results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(1);
    expect(run.invocations[0].toolConfigurationNotifications.map((n: { descriptor: { id: string } }) => n.descriptor.id)).toEqual(['waiver-expired', 'waiver-unused']);
  });

  it('a waiver covering every violation turns exit 1 into 0', () => {
    const all = file('all.yaml', read(WAIVERS).replace('"2026-01-31"', '"2026-12-31"').replace('target: SE-99', 'target: SE-04'));
    expect(runVigie(['check', VIOLATIONS, '--waivers', all, ...AS_OF]).code).toBe(0);
  });

  it('a waiver naming an unknown rule, or a malformed waivers file, is an error (exit 2) located in the file', () => {
    const unknown = file('unknown.yaml', 'waivers:\n  - rule: no-audio-captur\n    target: SE-02\n    justification: Typo in the rule id here\n    approvedBy: DPO\n    expires: "2027-01-01"\n');
    const r = runVigie(['check', VIOLATIONS, '--waivers', unknown, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${unknown}:2:5: waiver names unknown rule "no-audio-captur"`);
    const malformed = file('malformed.yaml', 'waivers:\n  - rule: no-audio-capture\n    target: SE-02\n    approvedBy: DPO\n    expires: "2027-02-30"\n    because: reasons\n');
    const m = runVigie(['check', VIOLATIONS, '--waivers', malformed, ...AS_OF]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('missing required key "justification"');
    expect(m.stderr).toContain(`${malformed}:5:`);
    expect(m.stderr).toContain(`${malformed}:6:5: unknown key "because"`);
  });

  it('waivers cannot hide an invalid input', () => {
    const bad = file('bad-waived.yaml', 'cameras:\n  - id: SE-02\n    audio: { capture: "yes" }\n');
    expect(runVigie(['check', bad, '--waivers', WAIVERS, ...AS_OF]).code).toBe(2);
  });
});

describe('vigie rules', () => {
  it('lists the rules and shows one with its legal text and parameters as of a date', () => {
    const list = runVigie(['rules', 'list', '--lang', 'en']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^retention-max-one-month +fr-law +error +Recordings kept for one month at most$/m);
    const show = runVigie(['rules', 'show', 'retention-max-one-month', '--as-of', '2026-01-01']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Ce délai ne peut excéder un mois.');
    expect(show.stdout).toMatch(/retention-max = 1 mois \(depuis le 2012-05-01/);
    const tightened = runVigie(['rules', 'show', 'retention-max-one-month', '--rules', `${PACKS}/city-practice`, '--as-of', '2026-01-01', '--lang', 'en']);
    expect(tightened.stdout).toMatch(/retention-max = 15 day\(s\) \(since 2020-01-01; Délibération du conseil municipal n° 2020-42\)/);
    expect(runVigie(['rules', 'show', 'nope']).code).toBe(2);
    expect(runVigie(['rules', 'list', '--pack', 'nope']).code).toBe(2);
  });
});

describe('vigie test', () => {
  it('passes on the built-in packs, listing each case', () => {
    const r = runVigie(['test', 'rules', '--as-of', '2026-06-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS no-audio-capture rules\/fr-law\/no-audio-capture\/violating\.yaml \(expect violation\) → violation$/m);
    expect(r.stdout).toMatch(/^PASS retention-max-one-month rules\/fr-law\/retention-max-one-month\/undetermined\.yaml \(expect undetermined, as of 2026-01-15\)/m);
    expect(r.stdout).toMatch(/\n(\d+) passed, 0 failed/);
  });

  it('passes on a custom pack, and fails (exit 1) on one whose example expects a finding the rule does not give', () => {
    expect(runVigie(['test', `${PACKS}/city-practice`, '--as-of', '2026-06-01']).code).toBe(0);
    const r = runVigie(['test', `${PACKS}/wrong-expectation`, '--as-of', '2026-06-01']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL camera-location-stated test/fixtures/packs/wrong-expectation/camera-location-stated/violating.yaml (expect violation, as of 2026-01-15) → pass: expected a violation, got none');
    expect(r.stdout).toContain('1 passed, 1 failed');
  });

  it('exits 2 on an invalid pack', () => {
    const r = runVigie(['test', `${PACKS}/loose-retention`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('loosens parameter "retention-max"');
    expect(runVigie(['test', join(tmp, 'missing-dir')]).code).toBe(2);
  });
});

describe('custom packs cannot loosen fr-law', () => {
  it('an override of retention-max to two months is refused at load, located, with exit 2', () => {
    const r = runVigie(['check', 'examples/small-town.yaml', '--rules', `${PACKS}/loose-retention`, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${PACKS}/loose-retention/parameters/retention-max.yaml:5:5: loosens parameter "retention-max" of the binding pack "fr-law": {months: 2} is looser than {months: 1}`);
    expect(r.stderr).toContain('a departure takes a waiver with a justification');
  });

  it('disabling retention-max-one-month is refused at load, located, with exit 2', () => {
    const r = runVigie(['check', 'examples/small-town.yaml', '--rules', `${PACKS}/disable-law`, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${PACKS}/disable-law/pack.yaml:10:5: rule "retention-max-one-month" belongs to the binding pack "fr-law": it cannot be disabled`);
  });

  it('a tightening override applies: 30 days become a violation under a 15-day city limit', () => {
    const r = runVigie(['check', 'examples/small-town.yaml', '--rules', `${PACKS}/city-practice`, '--format', 'json', ...AS_OF]);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).findings.find((x: { targetId: string; ruleId: string }) => x.targetId === 'SE-01' && x.ruleId === 'retention-max-one-month');
    expect(f.status).toBe('violation');
    expect(f.evidence[0].parameter).toMatchObject({ id: 'retention-max', value: { days: 15 }, since: '2020-01-01' });
  });
});

describe('SARIF validation (CLI)', () => {
  it('every SARIF log the CLI wrote above passes the OASIS schema and the Microsoft validator', () => {
    expect(produced.logs.length).toBeGreaterThanOrEqual(3);
    expect(produced.problems()).toEqual([]);
  });
});
