import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { InputIssue } from '../errors.js';
import type { ParsedSource } from '../parse/source.js';
import { compileAcceptor, type Acceptor, type AcceptorContext } from './accept.js';
import { isCalendarDate, isDateTime } from './formats.js';

/** vigie's own formats, for Ajv and for the quick check alike. */
const FORMATS: AcceptorContext['formats'] = { date: isCalendarDate, 'date-time': isDateTime };

let shared: Ajv | undefined;

/** One Ajv instance for every schema of vigie: strict, all errors, our own date formats. */
export function ajv(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    for (const [name, validate] of Object.entries(FORMATS)) shared.addFormat(name, { type: 'string', validate });
    shared.addKeyword({ keyword: 'x-doc' });
  }
  return shared;
}

const compiled = new WeakMap<object, ValidateFunction>();

export function compileSchema(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv().compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

const acceptors = new WeakMap<object, Acceptor | null>();

/**
 * The patterns of vigie's schemas, as literals with the `u` flag Ajv gives them (its
 * `unicodeRegExp` default): the patterns reviewed in docs/security.md, which the quick check tests
 * itself. A test checks that each is the regular expression Ajv would make of its text.
 */
export const QUICK_CHECK_PATTERNS: Readonly<Record<string, RegExp>> = {
  '^(/[^/]*)*$': /^(\/[^/]*)*$/u,
  '^[0-9][0-9AB][0-9]{3}$': /^[0-9][0-9AB][0-9]{3}$/u,
  '^[0-9]{9}$': /^[0-9]{9}$/u,
  '^[A-Za-z0-9._-]+\\.(jsonl|ndjson|csv)$': /^[A-Za-z0-9._-]+\.(jsonl|ndjson|csv)$/u,
  '^[A-Za-z0-9._-]+\\.(ya?ml|json)$': /^[A-Za-z0-9._-]+\.(ya?ml|json)$/u,
  '^[a-z][A-Za-z0-9]*$': /^[a-z][A-Za-z0-9]*$/u,
  '^[a-z][a-z0-9-]*$': /^[a-z][a-z0-9-]*$/u,
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/u,
  '^https?://': /^https?:\/\//u,
};

/**
 * The quick check's patterns: a reviewed pattern is tested with its literal; any other is tested
 * by Ajv itself. Not every pattern through Ajv: its first compilation compiles its meta-schema, a
 * tenth of a second at every start for input that is valid.
 */
const ACCEPTOR_CONTEXT: AcceptorContext = {
  formats: FORMATS,
  pattern(pattern) {
    const re = Object.prototype.hasOwnProperty.call(QUICK_CHECK_PATTERNS, pattern) ? QUICK_CHECK_PATTERNS[pattern] : undefined;
    if (re) return (value) => re.test(value);
    const validate = ajv().compile({ type: 'string', pattern });
    return (value) => validate(value) === true;
  },
};

/** The quick check of a schema (see accept.ts), null for a schema it does not cover. */
export function acceptorOf(schema: object): Acceptor | null {
  let accept = acceptors.get(schema);
  if (accept === undefined) {
    accept = compileAcceptor(schema, ACCEPTOR_CONTEXT) ?? null;
    acceptors.set(schema, accept);
  }
  return accept;
}

/**
 * Validates a value against a schema and turns Ajv's errors into located, plain-language issues.
 * Valid values are recognised by the quick check; Ajv, which lists every error, runs when it says no.
 */
export function validateAgainst(schema: object, value: unknown, source?: Pick<ParsedSource, 'locate' | 'file'>): InputIssue[] {
  if (acceptorOf(schema)?.(value)) return [];
  const validate = compileSchema(schema);
  if (validate(value)) return [];
  return simplifyErrors(validate.errors ?? []).map((e) => toIssue(e, source));
}

/** `oneOf`/`anyOf` report every branch; keep the message of the enclosing keyword only. */
function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath);
  return errors.filter((e) => {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') return e.keyword !== 'if';
    return !unions.some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/'));
  });
}

function toIssue(error: ErrorObject, source?: Pick<ParsedSource, 'locate' | 'file'>): InputIssue {
  let pointer = error.instancePath;
  let message: string;
  let expected: string | undefined;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      pointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      message = `unknown key "${key}"`;
      expected = known.length ? `one of: ${known.join(', ')}` : 'no other key';
      break;
    }
    case 'required':
      message = `missing required key "${String(params.missingProperty)}"`;
      break;
    case 'enum':
      message = 'value is not one of the allowed values';
      expected = `one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'const':
      message = 'value is not the allowed value';
      expected = JSON.stringify(params.allowedValue);
      break;
    case 'type': {
      message = `wrong type`;
      // `commissioned: 20240229` is a number to YAML: say a date is expected, not just "string".
      const format = (error.parentSchema as { format?: unknown } | undefined)?.format;
      expected = typeof format === 'string' ? describeFormat(format) : String(params.type);
      break;
    }
    case 'format':
      message = `not a valid ${String(params.format)}`;
      expected = describeFormat(String(params.format));
      break;
    case 'oneOf':
    case 'anyOf':
      message = 'value matches none of the allowed forms';
      expected = describeUnion(error.schema);
      break;
    default:
      message = error.message ?? `fails ${error.keyword}`;
  }
  return {
    code: 'schema',
    message,
    pointer,
    expected,
    location: source ? locateNearest(source, pointer) : undefined,
  };
}

function describeFormat(format: string): string {
  if (format === 'date') return 'an existing calendar date as YYYY-MM-DD';
  if (format === 'date-time') return 'an ISO 8601 date-time with offset, e.g. 2024-05-01T12:00:00Z';
  return format;
}

function describeUnion(schema: unknown): string | undefined {
  if (!Array.isArray(schema)) return undefined;
  return schema
    .map((s: Record<string, unknown>) => ('const' in s ? JSON.stringify(s.const) : s.type ? String(s.type) : 'object'))
    .join(' or ');
}

/** The location of the pointer, or of its nearest ancestor present in the text (a missing key has no place of its own). */
export function locateNearest(source: Pick<ParsedSource, 'locate' | 'file'>, pointer: string) {
  let p = pointer;
  for (;;) {
    const loc = source.locate(p);
    if (loc) return loc;
    if (p === '') return source.file ? { file: source.file, line: 1, column: 1 } : undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
