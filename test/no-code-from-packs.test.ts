// Rule packs are data: nothing in vigie turns their text into code or into a regular expression.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allOperatorNames } from '../src/engine/operators/index.js';
import { derivations, ruleSchema } from '../src/index.js';
import { QUICK_CHECK_PATTERNS } from '../src/schema/validate.js';
import { ROOT } from './helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** Every `pattern` of vigie's own JSON Schemas, with where it is. */
function patterns(value: unknown, at = ''): Array<{ at: string; pattern: string }> {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'pattern' && typeof v === 'string' ? [{ at, pattern: v }] : patterns(v, `${at}/${k}`)));
}

/**
 * The patterns reviewed for catastrophic backtracking (docs/security.md): none has a quantified
 * group whose body can match the same text in two ways, so matching is linear in the input.
 */
const REVIEWED_PATTERNS = [
  '^(/[^/]*)*$',
  '^[0-9][0-9AB][0-9]{3}$',
  '^[0-9]{9}$',
  '^[A-Za-z0-9._-]+\\.(jsonl|ndjson|csv)$', // the log of a rule example (examples[].log)
  '^[A-Za-z0-9._-]+\\.(ya?ml|json)$',
  '^[a-z][A-Za-z0-9]*$',
  '^[a-z][a-z0-9-]*$',
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  '^https?://',
];

describe('rule packs cannot run code', () => {
  it('no eval( and no new Function anywhere in src (grep -R "eval(\\|new Function" src)', () => {
    const offenders = files(join(ROOT, 'src'))
      .filter((f) => !f.includes(`${join('src', 'generated')}`))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
      .filter(({ line }) => /eval\(|new Function|\bFunction\(/.test(line));
    expect(offenders).toEqual([]);
  });

  it('src builds no regular expression from data: only literals', () => {
    const dynamic = files(join(ROOT, 'src')).filter((f) => /new RegExp\(|\bRegExp\(/.test(readFileSync(f, 'utf8')));
    expect(dynamic).toEqual([]);
  });

  it('the quick check tests the reviewed patterns with literals, each the regular expression Ajv makes of it', () => {
    expect(Object.keys(QUICK_CHECK_PATTERNS).sort()).toEqual([...REVIEWED_PATTERNS].sort());
    for (const [text, re] of Object.entries(QUICK_CHECK_PATTERNS)) {
      const ajvs = new RegExp(text, 'u'); // how Ajv compiles a schema's pattern
      expect([re.source, re.flags]).toEqual([ajvs.source, ajvs.flags]);
    }
  });

  it('operators come only from json-rules-engine and vigie; none takes a pattern', () => {
    expect(allOperatorNames().filter((n) => /regex|match|pattern|eval|script/i.test(n))).toEqual([]);
    expect(ruleSchema.properties).not.toHaveProperty('operators');
    expect(derivations.map((d) => d.name).filter((n) => /regex|match|pattern|eval|script/i.test(n))).toEqual([]);
  });

  it('every pattern in vigie\'s schemas is a reviewed one, and runs over 100,000 hostile characters', async () => {
    // Every schema exported by a module of src/schema (deployment, rules, log events, waivers…),
    // found by name so that a new one cannot be missed, and the derivations' argument schemas.
    const modules = await Promise.all(files(join(ROOT, 'src/schema')).map((f) => import(f) as Promise<Record<string, unknown>>));
    const exported = Object.fromEntries(modules.flatMap((m) => Object.entries(m)).filter(([name]) => /Schema$/.test(name)));
    for (const name of ['deploymentSchema', 'ruleSchema', 'logEventSchema', 'waiversSchema', 'waiverListSchema']) expect(exported).toHaveProperty(name);
    const schemas = { ...exported, derivations: derivations.map((d) => d.args) };
    const found = patterns(schemas);
    expect([...new Set(found.map((p) => p.pattern))].sort()).toEqual([...REVIEWED_PATTERNS].sort());
    // Classic attack strings: long runs that almost match, then fail at the end. A pattern that
    // backtracked catastrophically would not finish within the test's timeout.
    const attacks = ['/'.repeat(100_000) + '\n', 'a'.repeat(100_000) + '!', 'a-'.repeat(50_000) + '!', 'a.'.repeat(50_000) + 'x', '0'.repeat(100_000)];
    for (const p of REVIEWED_PATTERNS) {
      const re = new RegExp(p, 'u');
      for (const s of attacks) re.test(s);
    }
  });
});
