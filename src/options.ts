import { VigieInputError, type InputIssue } from './errors.js';
import { waiverListSchema } from './schema/waivers-schema.js';
import { validateAgainst } from './schema/validate.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks the options of evaluate() as they arrive from JavaScript, where the types are not
 * enforced: a wrong shape is a located usage error, never a TypeError deep inside, and never an
 * option silently read as absent. The values themselves (dates, pack ids, parameters) are checked
 * where they are used.
 */
export function checkEvaluateOptions(options: unknown): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) throw new VigieInputError('usage', [{ code: 'usage', message: 'the options are not an object', pointer: '', expected: 'an object' }]);
  const issues: InputIssue[] = [];
  const wrong = (key: string, expected: string) => issues.push({ code: 'usage', message: `option "${key}" has the wrong type`, pointer: `/${key}`, expected });
  const { asOf, packs, ruleSet, parameterChoices } = options;
  if (asOf !== undefined && typeof asOf !== 'string' && !(asOf instanceof Date)) wrong('asOf', 'a date as YYYY-MM-DD, or a Date');
  if (packs !== undefined) {
    if (!Array.isArray(packs) || !packs.every((p) => typeof p === 'string')) wrong('packs', 'an array of pack ids');
    else if (packs.length === 0) issues.push({ code: 'usage', message: 'no rule pack is selected: nothing would be checked', pointer: '/packs', expected: 'at least one pack id' });
  }
  if (ruleSet !== undefined && !(isPlainObject(ruleSet) && ['packs', 'parameters', 'rules'].every((k) => Array.isArray(ruleSet[k])) && isPlainObject(ruleSet.scopes))) {
    wrong('ruleSet', 'a rule set returned by loadRuleSet()');
  }
  if (parameterChoices !== undefined && !(isPlainObject(parameterChoices) && Object.values(parameterChoices).every((v) => typeof v === 'string'))) {
    wrong('parameterChoices', 'an object mapping parameter ids to alternative ids');
  }
  if (issues.length > 0) throw new VigieInputError('usage', issues);
  if (options.waivers !== undefined) {
    const found = validateAgainst(waiverListSchema, options.waivers);
    if (found.length > 0) throw new VigieInputError('waivers', found);
  }
}
