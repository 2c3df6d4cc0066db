// The naive ways: json-rules-engine with its default options, on the same rule files (conditions
// and derived facts), judged in three-valued logic. One `engine.run` per target per rule
// (naiveFindings), or one engine with every rule of a scope and one `engine.run` per target
// (naivePerTargetFindings). `npm run bench` times both and compares vigie with the faster: the first
// is faster on small deployments, the second was on 100,000 cameras.
import { Engine } from 'json-rules-engine';
import { customOperators, derivations, getAtPointer } from '../../dist/index.js';

/** JSON Pointer `/a/b` → JSONPath `$.a.b`, which json-rules-engine's default path resolver reads. */
const toJsonPath = (pointer) => '$' + pointer.split('/').slice(1).map((s) => `[${JSON.stringify(s)}]`).join('');

/** The condition tree with JSONPath paths; fact names renamed by `rename` (default: kept). */
function withJsonPaths(node, rename = (fact) => fact) {
  const again = (n) => withJsonPaths(n, rename);
  if (node.all) return { ...node, all: node.all.map(again) };
  if (node.any) return { ...node, any: node.any.map(again) };
  if (node.not) return { ...node, not: again(node.not) };
  const ref = node.value && typeof node.value === 'object' && 'fact' in node.value;
  const value = ref ? { ...node.value, fact: rename(node.value.fact), ...(node.value.path ? { path: toJsonPath(node.value.path) } : {}) } : node.value;
  return { ...node, fact: rename(node.fact), ...(node.path ? { path: toJsonPath(node.path) } : {}), value };
}

function newEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of customOperators) engine.addOperator(op.name, op.evaluate);
  return engine;
}

function engineFor(conditions) {
  const engine = newEngine();
  engine.addRule({ conditions: withJsonPaths(conditions), event: { type: 'holds' } });
  return engine;
}

const byName = new Map(derivations.map((d) => [d.name, d]));

/** The rule's derived facts, computed with the same generic functions the rule file names. */
function derivedFacts(definition, facts) {
  const resolve = (arg) => {
    if (arg && typeof arg === 'object' && typeof arg.fact === 'string') {
      const base = facts[arg.fact];
      return { value: arg.path ? getAtPointer(base, arg.path) : base, looked: [], params: [] };
    }
    return { value: arg, looked: [], params: [] };
  };
  for (const [name, spec] of Object.entries(definition.facts ?? {})) {
    const [fn, args] = Object.entries(spec)[0];
    facts[name] = byName.get(fn).compute(args, { resolve, asOf: facts.asOf }).value;
  }
  return facts;
}

/** Kleene's logic on the result tree: an unknown fact makes a leaf unknown. */
function truth(node) {
  if (node.all) {
    const v = node.all.map(truth);
    return v.includes('F') ? 'F' : v.includes('U') ? 'U' : 'T';
  }
  if (node.any) {
    const v = node.any.map(truth);
    return v.includes('T') ? 'T' : v.includes('U') ? 'U' : 'F';
  }
  if (node.not) return { T: 'F', F: 'T', U: 'U' }[truth(node.not)];
  if (node.result === undefined || (node.factResult === undefined && node.operator !== 'isKnown')) return 'U';
  if (node.value && typeof node.value === 'object' && 'fact' in node.value && node.valueResult === undefined) return 'U';
  return node.result ? 'T' : 'F';
}

const STATUS = { T: 'pass', F: 'violation', U: 'undetermined' };

function merge(defaults, value) {
  const plain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!plain(defaults) || !plain(value)) return value === undefined ? defaults : value;
  const out = { ...defaults };
  for (const [k, v] of Object.entries(value)) out[k] = merge(defaults[k], v);
  return out;
}

/** The targets of a scope: items of the collection (cameras merged over their defaults), or the deployment. */
function targetsOf(deployment, scope) {
  if (scope === 'deployment') return [{ target: deployment, pointer: '' }];
  const key = { camera: 'cameras', authorization: 'authorizations', user: 'users', role: 'roles' }[scope];
  return (deployment[key] ?? []).map((item, i) => ({ target: scope === 'camera' ? merge(deployment.cameraDefaults, item) : item, pointer: `/${key}/${i}` }));
}

/** One `engine.run` per target per rule; returns [{ ruleId, pointer, status }]. */
export async function naiveFindings(deployment, rules, params, asOf) {
  const findings = [];
  for (const { definition } of rules) {
    const applies = definition.appliesIf ? engineFor(definition.appliesIf) : undefined;
    const conditions = engineFor(definition.conditions);
    for (const { target, pointer } of targetsOf(deployment, definition.scope)) {
      const targetId = definition.scope === 'deployment' ? undefined : definition.scope === 'authorization' ? target.reference : target.id;
      const facts = derivedFacts(definition, { target, targetId, deployment, param: params, asOf });
      let status;
      if (applies) {
        const { results, failureResults } = await applies.run(facts);
        const t = truth((results[0] ?? failureResults[0]).conditions);
        if (t !== 'T') status = t === 'F' ? 'not-applicable' : 'undetermined';
      }
      if (!status) {
        const { results, failureResults } = await conditions.run(facts);
        status = STATUS[truth((results[0] ?? failureResults[0]).conditions)];
      }
      findings.push({ ruleId: definition.id, pointer, status });
    }
  }
  return findings;
}

const BUILTIN_FACTS = new Set(['target', 'targetId', 'deployment', 'param', 'asOf']);

/**
 * One engine per scope holding every rule (its `appliesIf` and its conditions as two engine rules,
 * its derived facts renamed `rule-id::fact` so that rules do not share them), one `engine.run` per
 * target; returns [{ ruleId, pointer, status }] like naiveFindings.
 */
export async function naivePerTargetFindings(deployment, rules, params, asOf) {
  const findings = [];
  for (const scope of [...new Set(rules.map((r) => r.definition.scope))]) {
    const members = rules.filter((r) => r.definition.scope === scope).map((r) => r.definition);
    const engine = newEngine();
    for (const d of members) {
      const rename = (fact) => (BUILTIN_FACTS.has(fact) ? fact : `${d.id}::${fact}`);
      if (d.appliesIf) engine.addRule({ name: `${d.id}#appliesIf`, conditions: withJsonPaths(d.appliesIf, rename), event: { type: 'holds' } });
      engine.addRule({ name: `${d.id}#conditions`, conditions: withJsonPaths(d.conditions, rename), event: { type: 'holds' } });
    }
    for (const { target, pointer } of targetsOf(deployment, scope)) {
      const targetId = scope === 'deployment' ? undefined : scope === 'authorization' ? target.reference : target.id;
      const facts = { target, targetId, deployment, param: params, asOf };
      for (const d of members) {
        const own = derivedFacts(d, { target, targetId, deployment, param: params, asOf });
        for (const name of Object.keys(d.facts ?? {})) facts[`${d.id}::${name}`] = own[name];
      }
      const { results, failureResults } = await engine.run(facts);
      const trees = new Map([...results, ...failureResults].map((r) => [r.name, r.conditions]));
      for (const d of members) {
        let status;
        if (d.appliesIf) {
          const t = truth(trees.get(`${d.id}#appliesIf`));
          if (t !== 'T') status = t === 'F' ? 'not-applicable' : 'undetermined';
        }
        status ??= STATUS[truth(trees.get(`${d.id}#conditions`))];
        findings.push({ ruleId: d.id, pointer, status });
      }
    }
  }
  return findings;
}
