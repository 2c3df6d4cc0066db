// Generators for the fuzz suites: values shaped by vigie's own JSON Schemas, and the mutations
// that turn them hostile (wrong types, unknown and poisonous keys, weird strings, deep nesting).
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Runs per property: 10,000 in CI; VIGIE_FUZZ_RUNS lowers it while developing. */
export const RUNS = Number(process.env.VIGIE_FUZZ_RUNS ?? 10_000);

type Schema = Record<string, unknown>;
const MAX_OPTIONAL_KEYS = 5;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const dateArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map(isoDay);

/** Strings that have broken parsers and formatters before. */
export const weirdString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '', ' ', '\u0000', '\uFEFF', '\uD800', '\uDFFF', '\u202E', 'é', '🎥', '\r\n', '\t', '~', '~1', '/', '#', '&a', '*a', '!!js/function', '{{', '{{target}}', '}}',
    '2024-02-30', 'inconnue', '30', '.nan', '.inf', '-.inf', '1e400', 'null', 'true', 'yes', 'no', '0x1F', '0o17', '__proto__', 'constructor', 'prototype',
    'a'.repeat(2000), '\u00e9'.repeat(300), '- x', 'a: b', '? x', '---', '...', '%YAML 1.1', '"', "'", '\\', '<<', '@', '`',
  ),
);

/** Keys a closed schema must refuse, and that must never reach Object.prototype. */
export const weirdKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', '~', '/', 'id ', 'ID', 'cameras'), weirdString);

/** A value of a schema (a subset of JSON Schema: what vigie's own schemas use). */
export function fromSchema(schema: Schema, root: Schema = schema): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/definitions/', '');
    return fc.constant(null).chain(() => fromSchema((root.definitions as Record<string, Schema>)[name]!, root));
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.oneOf)) return fc.oneof(...(schema.oneOf as Schema[]).map((s) => fromSchema(s, root)));
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(properties)) if (k !== '$schema') model[k] = fromSchema(s, root);
      const required = ((schema.required ?? []) as string[]).filter((k) => k in model);
      const optional = Object.keys(model).filter((k) => !required.includes(k));
      if (schema.maxProperties === 1 && schema.minProperties === 1) {
        return fc.constantFrom(...optional).chain((k) => model[k]!.map((v) => ({ [k]: v })));
      }
      // A few optional keys per object keeps documents small enough to run 10,000 of them.
      return fc.shuffledSubarray(optional, { maxLength: Math.min(MAX_OPTIONAL_KEYS, optional.length) }).chain((keys) => {
        const chosen = Object.fromEntries([...required, ...keys].map((k) => [k, model[k]!]));
        return fc.record(chosen);
      });
    }
    case 'array': {
      const items = fromSchema((schema.items ?? {}) as Schema, root);
      const minLength = (schema.minItems as number | undefined) ?? 0;
      return schema.uniqueItems
        ? fc.uniqueArray(items, { minLength, maxLength: minLength + 2, selector: (v) => JSON.stringify(v) })
        : fc.array(items, { minLength, maxLength: minLength + 2 });
    }
    case 'string':
      if (schema.format === 'date') return dateArb;
      if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length < 60);
      return fc.oneof(fc.string({ minLength: (schema.minLength as number | undefined) ?? 0, maxLength: 12 }), fc.constantFrom('CAM-01', 'AP-2024-17', 'Hôtel de ville'));
    case 'integer':
      return fc.integer({ min: (schema.minimum as number | undefined) ?? -1000, max: (schema.maximum as number | undefined) ?? 400 });
    case 'number':
      return fc.double({ min: (schema.minimum as number | undefined) ?? -1e6, max: (schema.maximum as number | undefined) ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A wrong value for anything: wrong types, weird strings, huge and deep structures. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, [], {}, [[]], { '': null }) },
  { weight: 4, arbitrary: weirdString },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  // Deep values are rare and only a little deeper than the parse limit: written as block YAML,
  // their text grows with the square of the depth (10,000 levels have their own tests).
  { weight: 1, arbitrary: fc.integer({ min: 90, max: 120 }).map((d) => nest(d, (inner) => [inner])) },
  { weight: 1, arbitrary: fc.integer({ min: 90, max: 120 }).map((d) => nest(d, (inner) => ({ a: inner }))) },
);

function nest(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

/** How a mutation changes the container it lands in. */
export type Mutation =
  | { kind: 'set'; at: number; key: number; value: unknown }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'delete'; at: number; key: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), key: fc.nat(), value: wrongValue }),
  fc.record({ kind: fc.constant('add-key' as const), at: fc.nat(), key: weirdKey, value: wrongValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), key: fc.nat() }),
);

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => v !== null && typeof v === 'object';

function containers(value: unknown): Array<Record<string, unknown> | unknown[]> {
  const out: Array<Record<string, unknown> | unknown[]> = [];
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (!isContainer(v) || out.length > 500) continue;
    out.push(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return out;
}

/** `value` with the mutations applied to a copy (the original is left alone). */
export function applyMutations(value: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(value);
  const root = { root: copy };
  for (const m of mutations) {
    const all = containers(root);
    const target = all[m.at % all.length]!;
    const keys = Object.keys(target);
    // defineProperty: a key "__proto__" must become data, as a parser would make it.
    const put = (key: string, v: unknown) => Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
    // A parsed array has no named keys: adding one to an array appends instead.
    if (m.kind === 'add-key') Array.isArray(target) ? target.push(structuredClone(m.value)) : put(m.key, structuredClone(m.value));
    else if (keys.length === 0) continue;
    else if (m.kind === 'set') put(keys[m.key % keys.length]!, structuredClone(m.value));
    else if (Array.isArray(target)) target.splice(m.key % keys.length, 1);
    else delete target[keys[m.key % keys.length]!];
  }
  return root.root;
}

/** Edits of a document's text: what hand-editing and broken exports do to a file. */
export const textEdit = fc.oneof(
  fc.record({ at: fc.nat(), insert: fc.oneof(weirdString, fc.constantFrom('\n', ': ', '- ', '[', '{', ']', '}', ',', '"', '&x ', '*x', '!!str ', '? ', '\n---\n', '  ', '\t', '#')) }),
  fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ truncateAt: fc.nat() }),
);
export type TextEdit = { at: number; insert: string } | { at: number; remove: number } | { truncateAt: number };

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  let t = text;
  for (const e of edits) {
    if ('truncateAt' in e) t = t.slice(0, e.truncateAt % (t.length + 1));
    else if ('insert' in e) {
      const i = e.at % (t.length + 1);
      t = t.slice(0, i) + e.insert + t.slice(i);
    } else {
      const i = e.at % (t.length + 1);
      t = t.slice(0, i) + t.slice(i + e.remove);
    }
  }
  return t;
}

/** A value written as a file: YAML (block or flow) or JSON. */
export const serialization = fc.constantFrom('yaml', 'yaml-flow', 'json');
export function serialize(value: unknown, how: string): { text: string; file: string } {
  if (how === 'json') return { text: JSON.stringify(value, null, 2) ?? 'null', file: 'deployment.json' };
  return { text: stringify(value, { flow: how === 'yaml-flow', aliasDuplicateObjects: false }), file: 'deployment.yaml' };
}
