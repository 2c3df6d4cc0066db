// The naive way: json-rules-engine with its default options, one `engine.run` per target per rule,
// on the same rule files (conditions and derived facts), judged in three-valued logic.
import { Engine } from 'json-rules-engine';
import { customOperators, derivations, getAtPointer } from '../../dist/index.js';

/** JSON Pointer `/a/b` → JSONPath `$.a.b`, which json-rules-engine's default path resolver reads. */
const toJsonPath = (pointer) => '$' + pointer.split('/').slice(1).map((s) => `[${JSON.stringify(s)}]`).join('');

function withJsonPaths(node) {
  if (node.all) return { ...node, all: node.all.map(withJsonPaths) };
  if (node.any) return { ...node, any: node.any.map(withJsonPaths) };
  if (node.not) return { ...node, not: withJsonPaths(node.not) };
  const value = node.value && typeof node.value === 'object' && 'fact' in node.value && node.value.path ? { ...node.value, path: toJsonPath(node.value.path) } : node.value;
  return { ...node, ...(node.path ? { path: toJsonPath(node.path) } : {}), value };
}

function engineFor(conditions) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of customOperators) engine.addOperator(op.name, op.evaluate);
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
