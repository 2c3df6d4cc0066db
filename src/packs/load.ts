import { VigieInputError, type InputIssue } from '../errors.js';
import { derivation, derivations } from '../engine/derivations/index.js';
import { isFactRef } from '../engine/derivations/derivation.js';
import { checkOperatorName } from '../engine/operators/index.js';
import { placeholders } from '../engine/template.js';
import { MESSAGE_CONTEXT_KEYS } from '../report/messages.js';
import { parsePointer } from '../parse/pointer.js';
import { parseSource, type ParsedSource } from '../parse/source.js';
import { packSchema, parameterOverrideSchema, parameterSchema, ruleSchema, scopesSchema } from '../schema/rule-schema.js';
import { compileSchema, locateNearest, validateAgainst } from '../schema/validate.js';
import type { PackDefinition, ParameterDefinition, RuleDefinition, ScopeDefinition } from '../types.js';
import { applyParameterOverride, type ParameterOverride } from './overrides.js';
import { classifyPackFile, ruleFolder, type PackFile } from './files.js';
import type { LoadedRule, RuleSet } from './rule-set.js';

/** Facts every rule may read, whatever its scope. */
export const BUILTIN_FACTS = ['target', 'targetId', 'deployment', 'param', 'asOf'] as const;

const JSON_POINTER = /^(\/[^/]*)*$/;

/** Roots a message template may name. */
const TEMPLATE_ROOTS: ReadonlySet<string> = new Set(MESSAGE_CONTEXT_KEYS);

interface Parsed<T> {
  file: string;
  source: ParsedSource;
  value: T;
}

/**
 * Loads rule packs from their files' text. Every problem in every file is collected and thrown
 * at once as a VigieInputError, each issue with file:line:column.
 */
export function loadRuleSet(files: PackFile[], base?: RuleSet): RuleSet {
  if (!Array.isArray(files) || !files.every((f) => f !== null && typeof f === 'object' && typeof f.path === 'string')) {
    throw new VigieInputError('usage', [{ code: 'usage', message: 'loadRuleSet expects an array of { path, text } files', pointer: '', expected: 'an array of { path, text }' }]);
  }
  const issues: InputIssue[] = [];
  const parse = <T>(f: PackFile, schemaOf: object | ((data: unknown) => object)): Parsed<T> | undefined => {
    let source: ParsedSource;
    try {
      source = parseSource(f.text, { file: f.path, kind: 'rules' });
    } catch (e) {
      if (e instanceof VigieInputError) issues.push(...e.issues);
      else throw e;
      return undefined;
    }
    const schema = typeof schemaOf === 'function' ? (schemaOf as (data: unknown) => object)(source.data) : schemaOf;
    const found = validateAgainst(schema, source.data, source);
    issues.push(...found);
    return found.length ? undefined : { file: f.path, source, value: source.data as T };
  };

  const scopes: Record<string, ScopeDefinition> = { ...(base?.scopes ?? {}) };
  const packs: PackDefinition[] = [...(base?.packs ?? [])];
  const parameters: ParameterDefinition[] = [...(base?.parameters ?? [])];
  const rules: Parsed<RuleDefinition>[] = [];
  const packFiles: Parsed<PackDefinition>[] = [];
  const overrides: Parsed<ParameterOverride>[] = [];

  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    switch (classifyPackFile(f.path)) {
      case 'scopes': {
        const p = parse<{ scopes: Record<string, ScopeDefinition> }>(f, scopesSchema);
        if (p) {
          for (const [name, scope] of Object.entries(p.value.scopes)) {
            // Redefining a scope the base rules use would change what they check (or switch them off).
            if (base?.scopes[name] !== undefined) issues.push(located(p, `/scopes/${name}`, 'duplicate-id', `scope "${name}" is already declared: a pack may add scopes, not redefine them`, 'a new scope name'));
            else scopes[name] = scope;
          }
        }
        break;
      }
      case 'pack': {
        const p = parse<PackDefinition>(f, packSchema);
        if (p) {
          if (packs.some((k) => k.id === p.value.id)) issues.push(located(p, '/id', 'duplicate-id', `pack "${p.value.id}" is declared twice`));
          else {
            packs.push(p.value);
            packFiles.push(p);
          }
        }
        break;
      }
      case 'parameter': {
        const isOverride = (d: unknown) => d !== null && typeof d === 'object' && 'overrides' in d;
        const p = parse<ParameterDefinition | ParameterOverride>(f, (d) => (isOverride(d) ? parameterOverrideSchema : parameterSchema));
        if (p && 'overrides' in p.value) overrides.push(p as Parsed<ParameterOverride>);
        else if (p) {
          const param = p.value as ParameterDefinition;
          if (parameters.some((k) => k.id === param.id)) issues.push(located(p, '/id', 'duplicate-id', `parameter "${param.id}" is declared twice`, 'a parameter id not used by another parameter (to tighten one, use `overrides:`)'));
          else parameters.push(param);
        }
        break;
      }
      case 'rule': {
        const p = parse<RuleDefinition>(f, ruleSchema);
        if (p) rules.push(p);
        break;
      }
      case 'other':
        break;
    }
  }

  const knownPacks = new Set(packs.map((p) => p.id));
  const isBinding = (pack: string) => packs.some((k) => k.id === pack && k.binding === true);

  for (const o of overrides) {
    const v = o.value;
    if (!knownPacks.has(v.pack)) issues.push(located(o, '/pack', 'unknown-pack', `pack "${v.pack}" is not declared`, `one of: ${[...knownPacks].join(', ')}`));
    const at = parameters.findIndex((k) => k.id === v.overrides);
    if (at < 0) {
      issues.push(located(o, '/overrides', 'unknown-parameter', `parameter "${v.overrides}" does not exist: an override tightens an existing parameter`, `one of: ${parameters.map((k) => k.id).join(', ')}`));
      continue;
    }
    const result = applyParameterOverride(parameters[at]!, v, isBinding(parameters[at]!.pack));
    for (const problem of result.problems) issues.push(located(o, problem.pointer, problem.code, problem.message, problem.expected));
    if (result.problems.length === 0) parameters[at] = result.parameter;
  }

  const knownParams = new Set(parameters.map((p) => p.id));
  const loaded: LoadedRule[] = [...(base?.rules ?? [])];
  const seen = new Map<string, string>(loaded.map((r) => [r.definition.id, r.file]));

  for (const p of rules) {
    const r = p.value;
    const before = issues.length;
    const folder = ruleFolder(p.file);
    if (folder !== undefined && folder !== r.id) issues.push(located(p, '/id', 'id-folder-mismatch', `rule id "${r.id}" differs from its folder "${folder}"`, `id "${folder}"`));
    const first = seen.get(r.id);
    if (first !== undefined) {
      const firstPack = loaded.find((x) => x.definition.id === r.id)?.definition.pack;
      const binding = firstPack !== undefined && isBinding(firstPack);
      issues.push(
        located(
          p,
          '/id',
          'duplicate-id',
          binding
            ? `rule id "${r.id}" is already used by ${first}: rules of the binding pack "${firstPack}" cannot be replaced (add a rule with another id, tighten a parameter, or waive a finding with a justification)`
            : `rule id "${r.id}" is already used by ${first}`,
          'an id unique across all packs',
        ),
      );
    }
    if (!knownPacks.has(r.pack)) issues.push(located(p, '/pack', 'unknown-pack', `pack "${r.pack}" is not declared`, `one of: ${[...knownPacks].join(', ')} (or a pack.yaml declaring it)`));
    // Own keys only: `scope: constructor` must not find Object.prototype.constructor.
    if (!Object.hasOwn(scopes, r.scope)) issues.push(located(p, '/scope', 'unknown-scope', `scope "${r.scope}" is not declared`, `one of: ${Object.keys(scopes).join(', ')}`));
    if (r.effective.until !== undefined && r.effective.until < r.effective.from) issues.push(located(p, '/effective/until', 'schema', 'the rule ends before it starts', `a date on or after ${r.effective.from}`));

    const usedParams = new Set<string>();
    const facts = new Set<string>(BUILTIN_FACTS);
    const checkRef = (ref: { fact: string; path?: unknown }, pointer: string) => {
      // Derivation arguments are free-form in the schema: their fact references are checked here.
      if (ref.path !== undefined && (typeof ref.path !== 'string' || !JSON_POINTER.test(ref.path))) {
        issues.push(located(p, pointer + '/path', 'schema', 'the path of a fact reference is not a JSON Pointer', 'a JSON Pointer such as /retention/days'));
      } else if (!facts.has(ref.fact)) {
        issues.push(located(p, pointer + '/fact', 'unknown-fact', `unknown fact "${ref.fact}"`, `one of: ${[...facts].join(', ')}`));
      } else if (ref.fact === 'param') {
        const id = ref.path ? parsePointer(ref.path as string)[0] : undefined;
        if (id === undefined || !knownParams.has(id)) {
          issues.push(located(p, pointer + '/path', 'unknown-parameter', `unknown parameter "${id ?? ''}"`, `/<parameter id>, one of: ${[...knownParams].join(', ')}`));
        } else usedParams.add(id);
      }
    };
    const walkArgs = (value: unknown, pointer: string): void => {
      if (isFactRef(value)) return checkRef(value, pointer);
      if (Array.isArray(value)) value.forEach((v, i) => walkArgs(v, `${pointer}/${i}`));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkArgs(v, `${pointer}/${k}`);
    };

    for (const [name, spec] of Object.entries(r.earlier ?? {})) {
      const pointer = `/earlier/${name}`;
      if (facts.has(name)) issues.push(located(p, pointer, 'unknown-fact', `fact "${name}" shadows a built-in fact`, 'another name'));
      if (r.scope in scopes && scopes[r.scope]!.source === undefined) {
        issues.push(located(p, pointer, 'schema', `"earlier" facts need a streamed scope, and scope "${r.scope}" is a collection of the deployment`, 'a scope with a `source`'));
      }
      walkArgs(spec.lookup, `${pointer}/lookup`);
      facts.add(name);
    }

    for (const [name, spec] of Object.entries(r.facts ?? {})) {
      const [fn, args] = Object.entries(spec)[0]!;
      const pointer = `/facts/${name}`;
      const d = derivation(fn);
      if ((BUILTIN_FACTS as readonly string[]).includes(name) || r.earlier?.[name] !== undefined) issues.push(located(p, pointer, 'unknown-fact', `fact "${name}" shadows a built-in fact`, 'another name'));
      if (!d) {
        issues.push(located(p, `${pointer}/${fn}`, 'unknown-derivation', `unknown function "${fn}"`, `one of: ${derivations.map((x) => x.name).join(', ')}`));
      } else {
        const validate = compileSchema(d.args);
        if (!validate(args)) {
          issues.push(located(p, `${pointer}/${fn}`, 'schema', `arguments of "${fn}" are invalid: ${validate.errors?.[0]?.instancePath ?? ''} ${validate.errors?.[0]?.message ?? ''}`.trim(), JSON.stringify(d.args)));
        }
        walkArgs(args, `${pointer}/${fn}`);
      }
      facts.add(name);
    }

    const walkCondition = (node: unknown, pointer: string): void => {
      const n = node as Record<string, unknown>;
      if (Array.isArray(n.all)) n.all.forEach((c, i) => walkCondition(c, `${pointer}/all/${i}`));
      else if (Array.isArray(n.any)) n.any.forEach((c, i) => walkCondition(c, `${pointer}/any/${i}`));
      else if (n.not !== undefined) walkCondition(n.not, `${pointer}/not`);
      else {
        checkRef({ fact: String(n.fact), path: n.path as string | undefined }, pointer);
        const bad = checkOperatorName(String(n.operator));
        if (bad) issues.push(located(p, `${pointer}/operator`, 'unknown-operator', bad, 'an operator of json-rules-engine or of vigie (see docs/rule-format.md)'));
        if (isFactRef(n.value)) checkRef(n.value, `${pointer}/value`);
        // json-rules-engine reads any value with a `fact` key as a reference: only { fact, path } is one.
        else if (n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value) && 'fact' in n.value) {
          issues.push(located(p, `${pointer}/value`, 'schema', 'a fact reference has only the keys "fact" (text) and "path"', '{ fact, path }'));
        }
        else if ((n.operator === 'in' || n.operator === 'notIn') && !Array.isArray(n.value)) {
          issues.push(located(p, `${pointer}/value`, 'schema', `the value of "${String(n.operator)}" is not a list`, 'a list, or a fact reference'));
        }
      }
    };
    if (r.appliesIf) walkCondition(r.appliesIf, '/appliesIf');
    walkCondition(r.conditions, '/conditions');

    for (const [status, texts] of Object.entries(r.messages)) {
      for (const lang of ['fr', 'en'] as const) {
        for (const ph of placeholders(texts[lang])) {
          const [root, second] = ph.split('.');
          const ok = TEMPLATE_ROOTS.has(root!) && (root !== 'facts' || (second !== undefined && facts.has(second))) && (root !== 'param' || (second !== undefined && knownParams.has(second)));
          if (!ok) issues.push(located(p, `/messages/${status}/${lang}`, 'unknown-placeholder', `unknown placeholder {{${ph}}}`, `one of: ${[...TEMPLATE_ROOTS].join(', ')} (facts.<derived fact>, param.<parameter id>)`));
        }
      }
    }

    if (issues.length === before) {
      loaded.push({ definition: r, file: p.file, parameters: [...usedParams].sort() });
      seen.set(r.id, p.file);
    } else if (first === undefined) seen.set(r.id, p.file);
  }

  for (const p of packFiles) {
    (p.value.disable ?? []).forEach((id, i) => {
      const pointer = `/disable/${i}`;
      const rule = loaded.find((x) => x.definition.id === id);
      if (!rule) issues.push(located(p, pointer, 'unknown-rule', `cannot disable unknown rule "${id}"`, 'the id of a rule of a non-binding pack'));
      else if (isBinding(rule.definition.pack)) {
        issues.push(
          located(p, pointer, 'binding-rule', `rule "${id}" belongs to the binding pack "${rule.definition.pack}": it cannot be disabled; a departure from the law takes a waiver with a justification (--waivers)`, 'the id of a rule of a non-binding pack'),
        );
      } else loaded.splice(loaded.indexOf(rule), 1);
    });
  }

  if (issues.length > 0) throw new VigieInputError('rules', issues);
  loaded.sort((a, b) => a.definition.id.localeCompare(b.definition.id));
  return { packs, scopes, parameters, rules: loaded };
}

function located(p: Parsed<unknown>, pointer: string, code: string, message: string, expected?: string): InputIssue {
  return { code, message, pointer, location: locateNearest(p.source, pointer), expected };
}
