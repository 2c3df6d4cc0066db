import { addDays, addHours, addMonths, format, isAfter, parseISO } from 'date-fns';
import { newRun } from '../engine/derivations/list-index.js';
import { checkedConfigInput, type ConfigInput } from '../config.js';
import { VigieInputError } from '../errors.js';
import { checkParameterChoices, normalizeAsOf } from '../evaluate.js';
import { mergeUnder } from '../merge.js';
import { AT_EXPECTED, checkDeadlineOptions } from '../options.js';
import { builtinRuleSet } from '../packs/builtin.js';
import { resolveParameters } from '../packs/parameters.js';
import type { RuleSet } from '../packs/rule-set.js';
import { isDateTime } from '../schema/formats.js';
import type { ParameterEvidence, SourceLocation } from '../types.js';

/** The parameter saying how a month of retention is counted (30 days, or `calendar`). */
export const MONTH_COUNTING_PARAMETER = 'month-counting';

export interface DeadlineOptions {
  /** When the footage was recorded: an ISO 8601 date-time with an offset. */
  at: string;
  /** Cameras to answer for (default: every camera). */
  cameras?: string[];
  /** The date the question is asked (default today): says whether the last day has passed. */
  asOf?: string | Date;
  ruleSet?: RuleSet;
  parameterChoices?: Record<string, string>;
}

type Duration = { days?: number; months?: number; hours?: number };

/** When one camera's footage of `at` is deleted, hence the last day a requisition can still obtain it. */
export interface CameraDeadline {
  camera: string;
  /** JSON Pointer of the camera in the deployment, and where it is in the file. */
  pointer: string;
  location?: SourceLocation;
  /** The retention that applies (the camera's, else the defaults', else the recording system's) and where it is stated. */
  retention?: Duration;
  retentionPointer?: string;
  /** When the footage is due for deletion, in the offset of `at`. */
  deletionDue?: string;
  /** The last day the footage can still be requisitioned (the day deletion is due). */
  lastDay?: string;
  /** Whether `lastDay` is before `asOf`: the footage is already gone. */
  passed?: boolean;
  /** Fields whose absence leaves the deadline unknown. */
  missing?: string[];
}

export interface DeadlineReport {
  at: string;
  asOf: string;
  /** How a month is counted, with the parameter's sources. */
  monthCounting?: ParameterEvidence;
  cameras: CameraDeadline[];
}

/**
 * The Grenoble question: for footage recorded at `at`, the last day each camera's recording can
 * still be requisitioned before its retention deletes it. Months count as the `month-counting`
 * parameter says (30 days, or a calendar month date to date, with date-fns). Times are computed
 * on the wall clock of `at`'s offset.
 */
export function requisitionDeadlines(config: ConfigInput, options: DeadlineOptions): DeadlineReport {
  checkDeadlineOptions(options);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})$/.exec(options.at);
  if (!m || !isDateTime(options.at)) {
    throw new VigieInputError('usage', [{ code: 'usage', message: `"${options.at}" is not a date-time`, pointer: '/at', expected: AT_EXPECTED }]);
  }
  const asOf = normalizeAsOf(options.asOf);
  const ruleSet = options.ruleSet ?? builtinRuleSet();
  checkParameterChoices(ruleSet, options.parameterChoices ?? {});
  const params = resolveParameters(ruleSet.parameters, asOf, options.parameterChoices);
  const monthLength = params.values[MONTH_COUNTING_PARAMETER];
  newRun(); // the caller may have changed its deployment since the last evaluation
  const loaded = checkedConfigInput(config);
  const data = loaded.data;
  const cameras = data.cameras ?? [];

  const unknown = (options.cameras ?? []).filter((id) => !cameras.some((c) => c.id === id));
  if (unknown.length) {
    throw new VigieInputError('usage', [
      { code: 'unknown-reference', message: `camera "${unknown.join('", "')}" is not declared`, expected: `one of: ${cameras.slice(0, 20).map((c) => c.id).join(', ')}${cameras.length > 20 ? ', …' : ''}` },
    ]);
  }

  // Wall-clock arithmetic: the recording time as a local date with the same digits, the offset re-attached.
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const start = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').slice(0, 3).padEnd(3, '0')));
  const due = (r: Duration): Date | undefined => {
    if (typeof r.days === 'number') return addDays(start, r.days);
    if (typeof r.hours === 'number') return addHours(start, r.hours);
    if (typeof r.months === 'number') {
      if (monthLength === 'calendar') return addMonths(start, r.months);
      if (typeof monthLength === 'number') return addDays(start, r.months * monthLength);
    }
    return undefined;
  };

  const out: CameraDeadline[] = [];
  cameras.forEach((camera, i) => {
    if (options.cameras && !options.cameras.includes(camera.id)) return;
    const pointer = `/cameras/${i}`;
    const merged = mergeUnder(data.cameraDefaults, camera) as { retention?: Duration };
    const own = camera.retention as Duration | undefined;
    const retention = merged.retention ?? (data.recording?.retention as Duration | undefined);
    const retentionPointer = own ? `${pointer}/retention` : merged.retention ? '/cameraDefaults/retention' : retention ? '/recording/retention' : undefined;
    const entry: CameraDeadline = { camera: camera.id, pointer, ...(loaded.source?.locate(pointer) ? { location: loaded.source.locate(pointer)! } : {}) };
    const when = retention ? due(retention) : undefined;
    if (!retention || !when) {
      entry.missing = retention ? [`parameter ${MONTH_COUNTING_PARAMETER}`] : [`${pointer}/retention`, '/cameraDefaults/retention', '/recording/retention'];
      if (retention) Object.assign(entry, { retention, retentionPointer });
    } else {
      const lastDay = format(when, 'yyyy-MM-dd');
      Object.assign(entry, {
        retention,
        retentionPointer,
        deletionDue: `${format(when, "yyyy-MM-dd'T'HH:mm:ss")}${offset}`,
        lastDay,
        passed: isAfter(parseISO(asOf), parseISO(lastDay)),
      });
    }
    out.push(entry);
  });
  const evidence = params.evidence[MONTH_COUNTING_PARAMETER];
  return { at: options.at, asOf, ...(evidence ? { monthCounting: evidence } : {}), cameras: out };
}
