// The same checks as the rule files, written by hand as a CSU developer would without vigie.
// ADDING A RULE TO THE BENCH: add its check here, keyed by rule id, and nothing else (vigie and the
// naive json-rules-engine side read the rule files). A check receives the camera as written, the
// camera defaults, the deployment and the context, and returns { status, evidence?, missing? }.

const MONTH_DAYS = 30; // the month-counting parameter's default value

function days(duration) {
  if (!duration) return undefined;
  if (typeof duration.days === 'number') return duration.days;
  if (typeof duration.hours === 'number') return duration.hours / 24;
  if (typeof duration.months === 'number') return duration.months * MONTH_DAYS;
  return undefined;
}

/** A camera's setting `group.key`, else the defaults' (what `cameraDefaults` means). */
const setting = (cam, defaults, group, key) => {
  const own = cam[group]?.[key];
  return own !== undefined ? own : defaults[group]?.[key];
};

const boolEquals = (value, expected, pointer) =>
  value === undefined
    ? { status: 'undetermined', missing: [pointer] }
    : { status: value === expected ? 'pass' : 'violation', evidence: [{ pointer, actual: value, expected }] };

export const handWrittenChecks = {
  'no-audio-capture': (cam, defaults, _dep, c) => boolEquals(setting(cam, defaults, 'audio', 'capture'), false, `${c.pointer}/audio/capture`),

  'no-facial-recognition': (cam, defaults, _dep, c) => {
    const face = setting(cam, defaults, 'analytics', 'facialRecognition');
    const bio = setting(cam, defaults, 'analytics', 'biometricIdentification');
    const checks = [
      [face, `${c.pointer}/analytics/facialRecognition`],
      [bio, `${c.pointer}/analytics/biometricIdentification`],
    ];
    const failed = checks.filter(([v]) => v !== undefined && v !== false);
    if (failed.length) return { status: 'violation', evidence: failed.map(([v, p]) => ({ pointer: p, actual: v, expected: false })) };
    const missing = checks.filter(([v]) => v === undefined).map(([, p]) => p);
    if (missing.length) return { status: 'undetermined', missing };
    return { status: 'pass', evidence: checks.map(([v, p]) => ({ pointer: p, actual: v, expected: false })) };
  },

  'retention-max-one-month': (cam, defaults, dep, c) => {
    const own = cam.retention ?? defaults.retention;
    const retention = own ?? dep.recording?.retention;
    const pointer = own ? `${c.pointer}/retention` : '/recording/retention';
    const d = days(retention);
    if (d === undefined) return { status: 'undetermined', missing: [`${c.pointer}/retention`, '/recording/retention'] };
    return { status: d <= MONTH_DAYS ? 'pass' : 'violation', evidence: [{ pointer, actual: d, expected: MONTH_DAYS }] };
  },
};

const STATUS_CODES = ['pass', 'violation', 'undetermined'];

/**
 * The hand-written loop: every check on every camera. Like vigie's `findings: 'problems'`, it
 * builds a finding (message, evidence or missing fields) only for a violation or an undetermined
 * outcome and counts the passes; `statuses` keeps every outcome (one byte per rule and camera) so
 * that the bench can compare all of them with vigie's and json-rules-engine's.
 */
export function handWrittenFindings(deployment, ruleIds) {
  const defaults = deployment.cameraDefaults ?? {};
  const cameras = deployment.cameras ?? [];
  const findings = [];
  const statuses = {};
  let pass = 0;
  for (const ruleId of ruleIds) {
    const check = handWrittenChecks[ruleId];
    if (!check) throw new Error(`no hand-written check for rule ${ruleId}: add it to scripts/bench/hand-written.mjs`);
    const codes = (statuses[ruleId] = new Uint8Array(cameras.length));
    for (let i = 0; i < cameras.length; i++) {
      const cam = cameras[i];
      const pointer = `/cameras/${i}`;
      const r = check(cam, defaults, deployment, { pointer });
      codes[i] = STATUS_CODES.indexOf(r.status);
      if (r.status === 'pass') {
        pass++;
        continue;
      }
      findings.push({
        ruleId,
        status: r.status,
        pointer,
        targetId: cam.id,
        message: { fr: `${ruleId} : ${r.status} (${cam.id})`, en: `${ruleId}: ${r.status} (${cam.id})` },
        evidence: r.evidence ?? [],
        ...(r.missing ? { missing: r.missing } : {}),
      });
    }
  }
  return { findings, pass, statuses };
}

/** Every (rule, camera) outcome of a hand-written run, as { ruleId, pointer, status }. */
export function handWrittenOutcomes(run) {
  return Object.entries(run.statuses).flatMap(([ruleId, codes]) => [...codes].map((c, i) => ({ ruleId, pointer: `/cameras/${i}`, status: STATUS_CODES[c] })));
}
