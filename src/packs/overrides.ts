import { addDays, format, parseISO } from 'date-fns';
import type { Bilingual, ParameterDefinition, ParameterValue } from '../types.js';
import { isAtLeastAsTight } from './tightening.js';

/** A custom pack's `parameters/<file>.yaml` that replaces another pack's parameter values. */
export interface ParameterOverride {
  overrides: string;
  pack: string;
  description?: Bilingual;
  values: ParameterValue[];
}

export interface OverrideProblem {
  pointer: string;
  code: string;
  message: string;
  expected?: string;
}

const END_OF_TIME = '9999-12-31';

/** Each value of a series with the last day it is in force (its `until`, or the day before the next value). */
function spans(values: ParameterValue[]): Array<{ v: ParameterValue; last: string }> {
  const sorted = [...values].sort((a, b) => a.from.localeCompare(b.from));
  return sorted.map((v, i) => {
    const next = sorted[i + 1]?.from;
    const beforeNext = next ? format(addDays(parseISO(next), -1), 'yyyy-MM-dd') : END_OF_TIME;
    return { v, last: v.until !== undefined && v.until < beforeNext ? v.until : beforeNext };
  });
}

const show = (value: unknown) => JSON.stringify(value).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ');

/**
 * The parameter with an override's values in force from the override's first date on. For a
 * parameter of a binding pack (statute), every value of the override must be at least as strict,
 * by the parameter's `tighterIs`, as each base value in force over the same days; `tighterIs: none`
 * forbids overriding it at all.
 */
export function applyParameterOverride(base: ParameterDefinition, o: ParameterOverride, binding: boolean): { parameter: ParameterDefinition; problems: OverrideProblem[] } {
  const problems: OverrideProblem[] = [];
  if (binding && base.tighterIs === 'none') {
    problems.push({
      pointer: '/overrides',
      code: 'loosens-binding',
      message: `parameter "${base.id}" of the binding pack "${base.pack}" cannot be overridden (tighterIs: none); a departure from the law takes a waiver with a justification`,
      expected: 'a parameter whose tighterIs is lower, higher, earlier, later or subset',
    });
  } else if (binding) {
    const baseSpans = spans(base.values);
    const overrideSpans = spans(o.values);
    for (const { v, last } of overrideSpans) {
      const i = o.values.indexOf(v);
      for (const b of baseSpans.filter((b) => b.v.from <= last && v.from <= b.last)) {
        const ok = isAtLeastAsTight(base.tighterIs, v.value, b.v.value);
        if (ok) continue;
        const refs = b.v.references.map((r) => `${r.source} ${r.article}`).join(', ');
        problems.push({
          pointer: `/values/${i}/value`,
          code: 'loosens-binding',
          message:
            ok === undefined
              ? `value ${show(v.value)} cannot be compared with ${show(b.v.value)}, the value of "${base.id}" in force from ${b.v.from} (${refs}); an override of a binding pack must be shown to be as strict`
              : `loosens parameter "${base.id}" of the binding pack "${base.pack}": ${show(v.value)} is looser than ${show(b.v.value)} in force from ${b.v.from} (${refs}); parameters of "${base.pack}" may only be tightened (tighterIs: ${base.tighterIs}), a departure takes a waiver with a justification`,
          expected: `a value ${base.tighterIs === 'subset' ? 'that is a subset of' : `${base.tighterIs} than or equal to`} ${show(b.v.value)}`,
        });
      }
    }
  }
  const start = [...o.values].sort((a, b) => a.from.localeCompare(b.from))[0]!.from;
  const parameter: ParameterDefinition = {
    ...base,
    ...(o.description ? { description: o.description } : {}),
    values: [...o.values, ...base.values.filter((b) => b.from < start)],
  };
  return { parameter, problems };
}
