import type { ParameterDefinition, ParameterEvidence, ParameterValue } from '../types.js';

/** The values of the parameters in force on a date. */
export interface ResolvedParameters {
  values: Record<string, unknown>;
  evidence: Record<string, ParameterEvidence>;
}

/** Picks, for each parameter, the value in force on `asOf` (the latest `from` not after it). */
export function resolveParameters(
  parameters: Iterable<ParameterDefinition>,
  asOf: string,
  choices: Record<string, string> = {},
): ResolvedParameters {
  const values: Record<string, unknown> = Object.create(null);
  const evidence: Record<string, ParameterEvidence> = Object.create(null);
  for (const p of parameters) {
    const choice = Object.hasOwn(choices, p.id) ? choices[p.id] : undefined;
    const alternative = choice ? p.alternatives?.find((a) => a.id === choice) : undefined;
    const series = alternative?.values ?? p.values;
    const v = valueOn(series, asOf);
    if (!v) continue;
    values[p.id] = v.value;
    evidence[p.id] = { id: p.id, value: v.value, since: v.from, references: v.references, ...(alternative ? { alternative: alternative.id } : {}) };
  }
  return { values, evidence };
}

export function valueOn(series: ParameterValue[], asOf: string): ParameterValue | undefined {
  let best: ParameterValue | undefined;
  for (const v of series) {
    if (v.from > asOf) continue;
    if (v.until !== undefined && v.until < asOf) continue;
    if (!best || v.from > best.from) best = v;
  }
  return best;
}
