/**
 * A yes-or-no check of a value against a JSON Schema, for the common case of valid input.
 *
 * Ajv compiles a schema as large as the deployment's into one function too big for V8 to
 * optimize, and that function reads every property the schema declares on every object, most of
 * them absent: on 100,000 cameras that was most of the time of validating. The check compiled here
 * walks the keys an object has instead. It says `true` only where Ajv's validator says the value
 * is valid; where it cannot be sure it says `false`, and the caller asks Ajv, which also gives the
 * located errors. So it only ever saves time: it never accepts more, and never changes an issue.
 *
 * It covers the keywords vigie's closed schemas use (type, properties, additionalProperties:
 * false, required, min/maxProperties, items, uniqueItems, min/maxLength, pattern, format,
 * minimum, maximum, enum, const, oneOf); a schema with any other keyword gets no check (undefined).
 * It reads plain data: an object whose prototype is not Object.prototype or null (a class
 * instance, a Map) is left to Ajv.
 */

/** Whether a value is valid against the schema the check was compiled from (`false`: ask Ajv). */
export type Acceptor = (value: unknown) => boolean;

/** What the check borrows from the Ajv it stands in for, so that both answer alike. */
export interface AcceptorContext {
  /** Format validators by name: the functions Ajv is given. */
  formats: Readonly<Record<string, (value: string) => boolean>>;
  /** A test of a string against a schema's `pattern`, as Ajv compiles it. */
  pattern(pattern: string): (value: string) => boolean;
}

type Schema = Record<string, unknown>;
type Check = (value: unknown) => boolean;

/** Keywords that say nothing about validity. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'x-doc']);
const HANDLED = new Set([
  'type', 'properties', 'additionalProperties', 'required', 'minProperties', 'maxProperties', 'items', 'uniqueItems',
  'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'enum', 'const', 'oneOf',
]);
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

class Unsupported extends Error {}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The check of `schema`, or undefined when it uses something the check does not cover. */
export function compileAcceptor(schema: object, context: AcceptorContext): Acceptor | undefined {
  const names = new Set<string>();
  let check: Check;
  try {
    check = compile(schema as Schema, context, names);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  // Ajv reads `data.name`, inherited properties included: a name Object.prototype has would be
  // read there. None of vigie's property names is one; a schema that has one is left to Ajv.
  if ([...names].some((n) => n in Object.prototype)) return undefined;
  const declared = [...names];
  return (value) => {
    // Ajv lists keys with for…in, inherited enumerable ones included, and reads inherited values:
    // if something was added to Object.prototype since, this check no longer sees what Ajv sees.
    for (const _ in Object.prototype) return false;
    for (const n of declared) if (n in Object.prototype) return false;
    return check(value);
  };
}

function compile(s: Schema, context: AcceptorContext, names: Set<string>): Check {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new Unsupported();
  for (const k of Object.keys(s)) if (!ANNOTATIONS.has(k) && !HANDLED.has(k)) throw new Unsupported();
  const checks: Check[] = [];
  const types = s.type === undefined ? undefined : Array.isArray(s.type) ? (s.type as unknown[]) : [s.type];
  if (types && (types.length === 0 || !types.every((t) => typeof t === 'string' && TYPES.has(t)))) throw new Unsupported();
  const only = types?.length === 1 ? (types[0] as string) : undefined;
  const stringTests = stringKeywords(s, context);
  // One closure per value where the type is one: the object, array and string checks test the type themselves.
  if (only === 'object') checks.push(objectCheck(s, context, names));
  else if (only === 'array') checks.push(arrayCheck(s, context, names));
  else if (only === 'string' && stringTests.length > 0) checks.push(stringCheck(stringTests));
  else if (types) checks.push(typeCheck(types as string[]));
  if (only !== 'object' && [s.properties, s.additionalProperties, s.required, s.minProperties, s.maxProperties].some((k) => k !== undefined)) throw new Unsupported();
  if (only !== 'array' && (s.items !== undefined || s.uniqueItems !== undefined)) throw new Unsupported();
  if (only !== 'string' && stringTests.length > 0) {
    const test = stringCheck(stringTests);
    checks.push((v) => typeof v !== 'string' || test(v)); // Ajv applies string keywords to strings only
  }
  if (s.minimum !== undefined) {
    const min = s.minimum;
    if (!isNumber(min)) throw new Unsupported();
    checks.push((v) => !isNumber(v) || v >= min);
  }
  if (s.maximum !== undefined) {
    const max = s.maximum;
    if (!isNumber(max)) throw new Unsupported();
    checks.push((v) => !isNumber(v) || v <= max);
  }
  if (s.enum !== undefined) {
    if (!Array.isArray(s.enum) || !s.enum.every(isPrimitive) || s.enum.some((x) => Number.isNaN(x))) throw new Unsupported();
    const allowed = new Set<unknown>(s.enum); // SameValueZero is === without NaN, which the enum does not hold
    checks.push((v) => allowed.has(v));
  }
  if ('const' in s) {
    const value = s.const;
    if (!isPrimitive(value) || Number.isNaN(value)) throw new Unsupported();
    checks.push((v) => v === value);
  }
  if (s.oneOf !== undefined) {
    if (!Array.isArray(s.oneOf) || s.oneOf.length === 0) throw new Unsupported();
    const branches = s.oneOf.map((b) => compile(b as Schema, context, names));
    checks.push((v) => {
      let passing = 0;
      for (const b of branches) if (b(v)) passing++;
      return passing === 1;
    });
  }
  return all(checks);
}

/** The tests of minLength, maxLength, pattern and format, for strings. */
function stringKeywords(s: Schema, context: AcceptorContext): Array<(value: string) => boolean> {
  const tests: Array<(value: string) => boolean> = [];
  if (s.minLength !== undefined || s.maxLength !== undefined) {
    const min = count(s.minLength, 0);
    const max = count(s.maxLength, Infinity);
    tests.push((v) => lengthWithin(v, min, max));
  }
  if (s.pattern !== undefined) {
    if (typeof s.pattern !== 'string') throw new Unsupported();
    tests.push(context.pattern(s.pattern));
  }
  if (s.format !== undefined) {
    const format = typeof s.format === 'string' && hasOwn(context.formats, s.format) ? context.formats[s.format]! : undefined;
    if (!format) throw new Unsupported();
    tests.push(format);
  }
  return tests;
}

/** A string passing every test. */
function stringCheck(tests: Array<(value: string) => boolean>): Check {
  if (tests.length === 1) {
    const [test] = tests as [(value: string) => boolean];
    return (v) => typeof v === 'string' && test(v);
  }
  return (v) => typeof v === 'string' && tests.every((t) => t(v));
}

function all(checks: Check[]): Check {
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0]!;
  if (checks.length === 2) {
    const [a, b] = checks as [Check, Check];
    return (v) => a(v) && b(v);
  }
  return (v) => {
    for (const c of checks) if (!c(v)) return false;
    return true;
  };
}

function count(n: unknown, absent: number): number {
  if (n === undefined) return absent;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Unsupported();
  return n;
}

/** Ajv's type tests (strictNumbers: a number is finite). */
function typeCheck(types: string[]): Check {
  const one = (t: string): Check => {
    switch (t) {
      case 'object':
        return (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
      case 'array':
        return Array.isArray;
      case 'string':
        return (v) => typeof v === 'string';
      case 'number':
        return isNumber;
      case 'integer':
        return (v) => isNumber(v) && Number.isInteger(v);
      case 'boolean':
        return (v) => typeof v === 'boolean';
      default:
        return (v) => v === null;
    }
  };
  const checks = types.map(one);
  return checks.length === 1 ? checks[0]! : (v) => checks.some((c) => c(v));
}

/** Length in Unicode code points, as Ajv counts it, without counting when the UTF-16 length decides. */
function lengthWithin(s: string, min: number, max: number): boolean {
  // A string of n UTF-16 units has between n/2 and n code points.
  if (s.length < min || Math.ceil(s.length / 2) > max) return false;
  if (Math.ceil(s.length / 2) >= min && s.length <= max) return true;
  let points = 0;
  for (const _ of s) points++;
  return points >= min && points <= max;
}

function objectCheck(s: Schema, context: AcceptorContext, names: Set<string>): Check {
  if (s.properties !== undefined && (typeof s.properties !== 'object' || s.properties === null || Array.isArray(s.properties))) throw new Unsupported();
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) throw new Unsupported();
  if (s.required !== undefined && (!Array.isArray(s.required) || !s.required.every((r) => typeof r === 'string'))) throw new Unsupported();
  const closed = s.additionalProperties === false;
  // A dictionary without prototype: a key read from the value never finds an inherited entry.
  const properties = Object.create(null) as Record<string, Check | undefined>;
  for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
    names.add(k);
    properties[k] = compile(sub, context, names);
  }
  const required = (s.required ?? []) as string[];
  for (const r of required) names.add(r);
  const minProperties = count(s.minProperties, 0);
  const maxProperties = count(s.maxProperties, Infinity);
  const counted = minProperties > 0 || maxProperties < Infinity;

  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    const proto = Object.getPrototypeOf(o);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const r of required) if (o[r] === undefined) return false;
    // Own names, not enumerable ones only: Ajv reads a declared property even if it is not
    // enumerable, so its value must be checked; an undeclared non-enumerable one makes the check
    // say no where Ajv would say yes, which only costs time.
    const keys = Object.getOwnPropertyNames(o);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const check = properties[key];
      if (check === undefined) {
        if (closed) return false;
        continue;
      }
      const value = o[key];
      if (value !== undefined && !check(value)) return false;
    }
    if (counted) {
      const n = Object.keys(o).length; // Ajv counts enumerable keys
      if (n < minProperties || n > maxProperties) return false;
    }
    return true;
  };
}

function arrayCheck(s: Schema, context: AcceptorContext, names: Set<string>): Check {
  if (s.uniqueItems !== undefined && typeof s.uniqueItems !== 'boolean') throw new Unsupported();
  if (s.items !== undefined && (typeof s.items !== 'object' || s.items === null || Array.isArray(s.items))) throw new Unsupported();
  const item = s.items === undefined ? undefined : compile(s.items as Schema, context, names);
  const unique = s.uniqueItems === true;
  return (v) => {
    if (!Array.isArray(v)) return false;
    const a = v as unknown[];
    const n = a.length;
    if (item) for (let i = 0; i < n; i++) if (!item(a[i])) return false;
    if (unique && n > 1) {
      // Strings only: other items would need Ajv's deep equality.
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        const x = a[i];
        if (typeof x !== 'string' || seen.has(x)) return false;
        seen.add(x);
      }
    }
    return true;
  };
}
