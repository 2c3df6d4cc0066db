// The same checks as the rule files, written by hand as a CSU developer would without vigie.
// ADDING A RULE TO THE BENCH: add its check here, keyed by rule id, and nothing else (vigie and the
// naive json-rules-engine side read the rule files). A check receives the camera with the defaults
// already merged, the deployment and the context, and returns { status, evidence?, missing? }.

const MONTH_DAYS = 30; // the month-counting parameter's default value

function days(duration) {
  if (!duration) return undefined;
  if (typeof duration.days === 'number') return duration.days;
  if (typeof duration.hours === 'number') return duration.hours / 24;
  if (typeof duration.months === 'number') return duration.months * MONTH_DAYS;
  return undefined;
}

const boolEquals = (value, expected, pointer) =>
  value === undefined
    ? { status: 'undetermined', missing: [pointer] }
    : { status: value === expected ? 'pass' : 'violation', evidence: [{ pointer, actual: value, expected }] };

export const handWrittenChecks = {
  'no-audio-capture': (cam, _dep, c) => boolEquals(cam.audio?.capture, false, `${c.pointer}/audio/capture`),

  'no-facial-recognition': (cam, _dep, c) => {
    const face = cam.analytics?.facialRecognition;
    const bio = cam.analytics?.biometricIdentification;
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

  'retention-max-one-month': (cam, dep, c) => {
    const own = cam.retention;
    const retention = own ?? dep.recording?.retention;
    const pointer = own ? `${c.pointer}/retention` : '/recording/retention';
    const d = days(retention);
    if (d === undefined) return { status: 'undetermined', missing: [`${c.pointer}/retention`, '/recording/retention'] };
    return { status: d <= MONTH_DAYS ? 'pass' : 'violation', evidence: [{ pointer, actual: d, expected: MONTH_DAYS }] };
  },
};

/** Findings of the hand-written checks, one per (rule, camera), with a message as a report would carry. */
export function handWrittenFindings(deployment, ruleIds) {
  const defaults = deployment.cameraDefaults ?? {};
  const cameras = deployment.cameras ?? [];
  const findings = [];
  for (const ruleId of ruleIds) {
    const check = handWrittenChecks[ruleId];
    if (!check) throw new Error(`no hand-written check for rule ${ruleId}: add it to scripts/bench/hand-written.mjs`);
    for (let i = 0; i < cameras.length; i++) {
      const raw = cameras[i];
      const cam = { ...defaults, ...raw, audio: { ...defaults.audio, ...raw.audio }, analytics: { ...defaults.analytics, ...raw.analytics } };
      const pointer = `/cameras/${i}`;
      const r = check(cam, deployment, { pointer });
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
  return findings;
}
