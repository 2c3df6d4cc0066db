import { VigieInputError, type InputIssue } from './errors.js';
import { waiverListSchema } from './schema/waivers-schema.js';
import { validateAgainst } from './schema/validate.js';

// The options of evaluate(), auditLogs(), auditLog() and requisitionDeadlines(), checked as they
// arrive from JavaScript, where the types are not enforced: a wrong shape is a usage error naming
// the option (`/asOf`) and what was expected, never a TypeError deep inside, never an option
// silently read as absent, and never a misspelt option (`asof`) silently ignored. The values
// themselves (dates, pack ids, parameters, camera ids) are checked where they are used.

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** One option: whether a value given for it has the right shape, and what is expected otherwise. */
interface OptionSpec {
  valid(value: unknown): boolean;
  expected: string;
}

const oneOfValues = (values: readonly string[]): OptionSpec => ({ valid: (v) => values.includes(v as string), expected: `one of: ${values.join(', ')}` });

/** The options every function that applies the rule packs takes. */
const COMMON = {
  asOf: { valid: (v) => typeof v === 'string' || v instanceof Date, expected: 'a date as YYYY-MM-DD, or a Date' },
  packs: { valid: isStringArray, expected: 'an array of pack ids' },
  ruleSet: {
    valid: (v) => isPlainObject(v) && ['packs', 'parameters', 'rules'].every((k) => Array.isArray(v[k])) && isPlainObject(v.scopes),
    expected: 'a rule set returned by loadRuleSet()',
  },
  parameterChoices: { valid: (v) => isPlainObject(v) && Object.values(v).every((x) => typeof x === 'string'), expected: 'an object mapping parameter ids to alternative ids' },
  // Its entries are checked against the waivers schema (checkWaivers).
  waivers: { valid: Array.isArray, expected: 'an array of waivers' },
  engine: oneOfValues(['compiled', 'reference']),
} satisfies Record<string, OptionSpec>;

const EVALUATE_OPTIONS: Record<string, OptionSpec> = { ...COMMON, findings: oneOfValues(['all', 'problems']) };

// `findings` is not among them: an audit lists only what does not pass unless `keepPasses`.
const AUDIT_OPTIONS: Record<string, OptionSpec> = {
  ...COMMON,
  keepPasses: { valid: (v) => typeof v === 'boolean', expected: 'true or false' },
  maxSkippedLines: { valid: isCount, expected: 'a whole number, 0 or more' },
  maxFindingsPerRule: { valid: isCount, expected: 'a whole number, 0 or more' },
};

const AUDIT_LOG_OPTIONS: Record<string, OptionSpec> = {
  ...AUDIT_OPTIONS,
  file: { valid: (v) => typeof v === 'string', expected: 'the name of the log, a string' },
  format: oneOfValues(['jsonl', 'csv']),
};

/** What requisitionDeadlines expects of `at`, also said when its value is not a date-time. */
export const AT_EXPECTED = 'an ISO 8601 date-time with an offset, e.g. 2026-02-10T21:30:00+01:00';

const DEADLINE_OPTIONS: Record<string, OptionSpec> = {
  at: { valid: (v) => typeof v === 'string', expected: AT_EXPECTED },
  cameras: { valid: isStringArray, expected: 'an array of camera ids' },
  asOf: COMMON.asOf,
  ruleSet: COMMON.ruleSet,
  parameterChoices: COMMON.parameterChoices,
};

/** Why an option is wrong where it is not for its type: an empty pack list would check nothing. */
function emptyPacks(options: Record<string, unknown>): InputIssue | undefined {
  const { packs } = options;
  if (!Array.isArray(packs) || packs.length > 0) return undefined;
  return { code: 'usage', message: 'no rule pack is selected: nothing would be checked', pointer: '/packs', expected: 'at least one pack id' };
}

/**
 * Checks `options` against the options a function takes: each known one of the right shape, no
 * other key (a misspelt option would otherwise be silently ignored), and the `required` ones given.
 */
function checkOptions(options: unknown, specs: Record<string, OptionSpec>, fn: string, required: string[] = []): void {
  if (options === undefined && required.length === 0) return;
  if (!isPlainObject(options)) throw new VigieInputError('usage', [{ code: 'usage', message: `the options of ${fn}() are not an object`, pointer: '', expected: 'an object' }]);
  const issues: InputIssue[] = [];
  const known = Object.keys(specs);
  for (const key of Object.keys(options)) {
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (spec === undefined) {
      const like = known.find((k) => k.toLowerCase() === key.toLowerCase());
      issues.push({ code: 'usage', message: `${fn}() has no option "${key}"${like ? ` (did you mean "${like}"?)` : ''}`, pointer: `/${key}`, expected: `one of: ${known.join(', ')}` });
    } else if (options[key] !== undefined && !spec.valid(options[key])) {
      issues.push({ code: 'usage', message: `option "${key}" has the wrong type`, pointer: `/${key}`, expected: spec.expected });
    }
  }
  for (const key of required) {
    if (options[key] === undefined) issues.push({ code: 'usage', message: `option "${key}" is missing`, pointer: `/${key}`, expected: specs[key]!.expected });
  }
  const empty = emptyPacks(options);
  if (empty) issues.push(empty);
  if (issues.length > 0) throw new VigieInputError('usage', issues);
  checkWaivers(options.waivers);
}

/** Each waiver against the waivers schema: a misspelt key or a bad date is a waivers error. */
function checkWaivers(waivers: unknown): void {
  if (waivers === undefined) return;
  const found = validateAgainst(waiverListSchema, waivers);
  if (found.length > 0) throw new VigieInputError('waivers', found);
}

/** Checks the options of evaluate() and evaluateMany(). */
export function checkEvaluateOptions(options: unknown): void {
  checkOptions(options, EVALUATE_OPTIONS, 'evaluate');
}

/** Checks the options of auditLogs(), or of auditLog() (which also takes the log's `file` and `format`). */
export function checkAuditOptions(options: unknown, fn: 'auditLogs' | 'auditLog'): void {
  checkOptions(options, fn === 'auditLog' ? AUDIT_LOG_OPTIONS : AUDIT_OPTIONS, fn);
}

/** Checks the options of requisitionDeadlines(): `at` is required. */
export function checkDeadlineOptions(options: unknown): void {
  checkOptions(options, DEADLINE_OPTIONS, 'requisitionDeadlines', ['at']);
}
