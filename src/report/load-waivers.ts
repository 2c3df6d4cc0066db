import { VigieInputError, type InputIssue } from '../errors.js';
import { joinPointer } from '../parse/pointer.js';
import { parseSource } from '../parse/source.js';
import type { RuleSet } from '../packs/rule-set.js';
import { waiversSchema } from '../schema/waivers-schema.js';
import { locateNearest, validateAgainst } from '../schema/validate.js';
import type { Waiver } from '../types.js';

/**
 * Parses and validates a waivers file (YAML or JSON) against its closed schema; each waiver keeps
 * where it is written, so that an expired or unused one can be pointed at.
 */
export function parseWaivers(text: string, options: { file?: string } = {}): Waiver[] {
  const source = parseSource(text, { file: options.file, kind: 'waivers' });
  const issues = validateAgainst(waiversSchema, source.data, source);
  if (issues.length) throw new VigieInputError('waivers', issues);
  const list = (source.data as { waivers: Waiver[] }).waivers;
  return list.map((w, i) => {
    const location = locateNearest(source, joinPointer('/waivers', i));
    return { ...w, ...(location ? { location } : {}) };
  });
}

/**
 * A waiver must name a rule that exists: a typo would otherwise leave a violation unwaived while
 * the file looks right. Checked against all the rules loaded, not only the packs evaluated.
 */
export function checkWaiverRules(waivers: Waiver[], ruleSet: RuleSet): void {
  const known = new Set(ruleSet.rules.map((r) => r.definition.id));
  const issues: InputIssue[] = waivers
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => !known.has(w.rule))
    .map(({ w, i }) => ({
      code: 'unknown-rule',
      message: `waiver names unknown rule "${w.rule}"`,
      pointer: `/waivers/${i}/rule`,
      ...(w.location ? { location: w.location } : {}),
      expected: 'the id of a rule (see `vigie rules list`)',
    }));
  if (issues.length) throw new VigieInputError('waivers', issues);
}
