// The same checks as the rule files, written by hand as a CSU developer would without vigie: plain
// property reads (the camera's setting, else the defaults'), lookups built once per deployment, and
// the three-valued answer spelt out (a check that cannot decide says `undetermined`, as vigie does).
// ADDING A RULE TO THE BENCH: add its check here, keyed by rule id, and nothing else (vigie and the
// naive json-rules-engine side read the rule files). A check receives the target (a camera as
// written, a user, an authorization or the deployment) and a context { defaults, deployment, index,
// params, asOf, pointer }, and returns { status, evidence?, missing? }.

// Three-valued logic: T, F, U (unknown). A comparison with an unstated value is U.
const T = 1;
const F = 0;
const U = 2;
const and = (...xs) => (xs.includes(F) ? F : xs.includes(U) ? U : T);
const or = (...xs) => (xs.includes(T) ? T : xs.includes(U) ? U : F);
const known = (...vs) => vs.every((v) => v !== undefined);
const cmp = (ok, ...vs) => (known(...vs) ? (ok() ? T : F) : U);
const eq = (v, x) => cmp(() => v === x, v);
const ne = (v, x) => cmp(() => v !== x, v);
const isIn = (v, list) => cmp(() => list.includes(v), v, list);
const gt = (a, b) => cmp(() => a > b, a, b);
const subset = (a, b) => cmp(() => Array.isArray(a) && Array.isArray(b) && a.every((x) => b.includes(x)), a, b);
const intersects = (a, b) => cmp(() => Array.isArray(a) && Array.isArray(b) && a.some((x) => b.includes(x)), a, b);
const isKnown = (v) => (v !== undefined ? T : F);
const isUnknown = (v) => (v === undefined ? T : F);
const dateLe = (a, b) => cmp(() => a <= b, a, b); // ISO dates compare as strings
const every = (list, x) => cmp(() => Array.isArray(list) && list.every((v) => v === x), list);
const list = (v) => (Array.isArray(v) ? v : undefined);

const STATUS = { [T]: 'pass', [F]: 'violation', [U]: 'undetermined' };
/** appliesIf then conditions, as the rule files say. */
const judge = (applies, conditions) => (applies === F ? 'not-applicable' : applies === U ? 'undetermined' : STATUS[conditions()]);
const outcome = (applies, conditions) => ({ status: judge(applies, conditions) });

/** A duration in days, months counting 30 days (the month-counting parameter). */
export function days(duration) {
  if (!duration) return undefined;
  if (typeof duration.days === 'number') return duration.days;
  if (typeof duration.hours === 'number') return duration.hours / 24;
  if (typeof duration.months === 'number') return duration.months * 30;
  return undefined;
}
const addYears = (date, years) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86400000);

/** A camera's setting at `group.key`, else the defaults' (what `cameraDefaults` means). */
const setting = (cam, defaults, group, key) => {
  const own = cam[group]?.[key];
  return own !== undefined ? own : defaults[group]?.[key];
};
const own = (cam, defaults, key) => (cam[key] !== undefined ? cam[key] : defaults[key]);

/** What a developer would build once per deployment: authorizations by reference, the acts covering every camera, roles by id. */
export function deploymentIndex(dep) {
  const auths = dep.authorizations ?? [];
  const byRef = new Map();
  for (const a of auths) if (!byRef.has(a.reference)) byRef.set(a.reference, a);
  const roles = new Map();
  for (const r of dep.roles ?? []) if (!roles.has(r.id)) roles.set(r.id, r);
  return { auths, byRef, roles, renewed: new Set(auths.map((a) => a.renews).filter(Boolean)) };
}
const names = (a, id) => a.cameras === 'all' || (Array.isArray(a.cameras) && a.cameras.includes(id));
const algorithmic = (a) => Array.isArray(a.covers) && a.covers.includes('algorithmic-processing');
/** The camera's authorization: the one it names, else the first (non-algorithmic) act listing it. */
const authorizationOf = (cam, x) => (cam.authorization !== undefined ? x.index.byRef.get(cam.authorization) : undefined) ?? x.index.auths.find((a) => names(a, cam.id) && !algorithmic(a));

function masksCovering(masks, what) {
  return list(masks)?.filter((m) => Array.isArray(m.covers) && what.some((w) => m.covers.includes(w)));
}
const pluck = (items, key) => (items && items.every((m) => m[key] !== undefined) ? items.map((m) => m[key]) : undefined);
const perms = (user, role) => {
  const lists = [list(role?.permissions), list(user.permissions)].filter(Boolean);
  return lists.length ? [...new Set(lists.flat())] : undefined;
};

export const handWrittenChecks = {
  // ── cameras ──
  'no-audio-capture': (cam, x) => outcome(T, () => eq(setting(cam, x.defaults, 'audio', 'capture'), false)),

  'no-facial-recognition': (cam, x) =>
    outcome(T, () => and(eq(setting(cam, x.defaults, 'analytics', 'facialRecognition'), false), eq(setting(cam, x.defaults, 'analytics', 'biometricIdentification'), false))),

  'no-appearance-search': (cam, x) => {
    const s = { ...x.defaults.analytics?.appearanceSearch, ...cam.analytics?.appearanceSearch };
    return outcome(T, () => or(eq(s.enabled, false), eq(s.framework, 'judicial')));
  },

  'retention-max-one-month': (cam, x) => outcome(T, () => cmp(() => days(own(cam, x.defaults, 'retention') ?? x.deployment.recording?.retention) <= 30, days(own(cam, x.defaults, 'retention') ?? x.deployment.recording?.retention))),

  'retention-within-authorization': (cam, x) => {
    const retention = days(own(cam, x.defaults, 'retention') ?? x.deployment.recording?.retention);
    const auth = authorizationOf(cam, x);
    return outcome(T, () => and(cmp(() => retention <= days(auth?.retention), retention, days(auth?.retention)), or(isUnknown(auth?.minimumRetention), cmp(() => retention >= days(auth.minimumRetention), retention, days(auth?.minimumRetention)))));
  },

  'purposes-allowed': (cam, x) => {
    const purposes = own(cam, x.defaults, 'purposes') ?? x.deployment.purposes;
    const auth = authorizationOf(cam, x);
    return outcome(T, () => and(subset(purposes, x.params['lawful-purposes']), subset(purposes, auth?.purposes)));
  },

  'authorization-covers-camera': (cam, x) => {
    const covering = x.index.auths.filter((a) => (names(a, cam.id) || (cam.authorization !== undefined && a.reference === cam.authorization)) && !algorithmic(a));
    const issued = pluck(covering, 'issued');
    const commissioned = own(cam, x.defaults, 'commissioned');
    return outcome(eq(own(cam, x.defaults, 'publicRoad'), true), () => and(gt(covering.length, 0), cmp(() => issued.some((d) => d <= commissioned), issued, commissioned)));
  },

  'public-road-by-public-authority': (cam, x) => {
    const pa = setting(cam, x.defaults, 'owner', 'publicAuthority');
    return outcome(eq(own(cam, x.defaults, 'publicRoad'), true), () =>
      or(and(isKnown(pa), eq(pa, true)), and(isUnknown(pa), isIn(setting(cam, x.defaults, 'owner', 'kind'), x.params['public-authority-owner-kinds'])), eq(own(cam, x.defaults, 'immediateSurroundingsOnly'), true)),
    );
  },

  'dwelling-privacy-masking': (cam, x) => {
    const res = setting(cam, x.defaults, 'inView', 'residentialBuildings');
    const ent = setting(cam, x.defaults, 'inView', 'dwellingEntrances');
    const masks = own(cam, x.defaults, 'masks');
    const interiors = masksCovering(masks, ['dwelling-interiors']);
    const entrances = masksCovering(masks, ['dwelling-entrances']);
    return outcome(or(eq(res, true), eq(ent, true)), () =>
      and(
        or(eq(res, false), and(gt(interiors?.length, 0), every(pluck(interiors, 'irreversible'), true))),
        or(eq(ent, false), and(gt(entrances?.length, 0), every(pluck(entrances, 'irreversible'), true))),
      ),
    );
  },

  'ptz-dynamic-masking': (cam, x) => {
    const res = setting(cam, x.defaults, 'inView', 'residentialBuildings');
    const ent = setting(cam, x.defaults, 'inView', 'dwellingEntrances');
    const masks = masksCovering(own(cam, x.defaults, 'masks'), ['dwelling-interiors', 'dwelling-entrances']);
    return outcome(and(isIn(own(cam, x.defaults, 'kind'), ['ptz', 'dome']), or(eq(res, true), eq(ent, true))), () => and(gt(masks?.length, 0), every(pluck(masks, 'kind'), 'dynamic')));
  },

  'algorithmic-detection-lawful': (cam, x) => {
    const d = { ...x.defaults.analytics?.eventDetection, ...cam.analytics?.eventDetection };
    const acts = x.index.auths.filter((a) => (d.authorization !== undefined && a.reference === d.authorization) || names(a, cam.id)).filter(algorithmic);
    return outcome(and(eq(d.enabled, true), isIn(d.mode, ['real-time', 'statistical'])), () =>
      or(eq(d.mode, 'statistical'), and(dateLe(x.asOf, x.params['algorithmic-detection-end']), subset(d.events, x.params['algorithmic-event-types']), gt(acts.length, 0))),
    );
  },

  // ── authorizations ──
  'authorization-in-force': (a, x) => {
    const maxDays = days(x.params['provisional-authorization-max']);
    const validityEnd = a.issued && addYears(a.issued, x.params['authorization-validity'].years);
    const eventEnd = a.event?.until ?? a.ends;
    return outcome(x.index.renewed.has(a.reference) ? F : T, () =>
      and(
        dateLe(a.issued, x.asOf),
        or(isUnknown(a.ends), dateLe(x.asOf, a.ends)),
        or(ne(a.kind, 'standard'), cmp(() => x.asOf < validityEnd, validityEnd)),
        or(ne(a.kind, 'provisional'), cmp(() => daysBetween(a.issued, x.asOf) < maxDays, a.issued)),
        or(ne(a.kind, 'event'), dateLe(x.asOf, eventEnd)),
      ),
    );
  },

  // ── users ──
  'viewers-habilitated': (user, x) => {
    const role = user.role !== undefined ? x.index.roles.get(user.role) : undefined;
    const h = user.habilitation ?? {};
    return outcome(intersects(perms(user, role), x.params['image-access-permissions']), () =>
      and(eq(user.individuallyDesignated, true), ne(h.reference, ''), dateLe(h.from, x.asOf), dateLe(x.asOf, h.until ?? '9999-12-31')),
    );
  },

  'replay-restricted': (user, x) => {
    const role = user.role !== undefined ? x.index.roles.get(user.role) : undefined;
    const p = perms(user, role);
    return outcome(cmp(() => p.includes('replay'), p), () => isIn(role?.kind, x.params['replay-role-kinds']));
  },

  'municipal-territorial-scope': (user, x) => {
    const role = user.role !== undefined ? x.index.roles.get(user.role) : undefined;
    const perimeterLists = [list(role?.communes), list(user.communes)].filter(Boolean);
    const perimeter = perimeterLists.length ? [...new Set(perimeterLists.flat())] : undefined;
    const competence = user.competentCommunes ?? role?.competentCommunes;
    const communes = pluck(list(x.deployment.communes), 'insee');
    return outcome(and(isIn(role?.kind, x.params['territorially-limited-role-kinds']), intersects(perms(user, role), x.params['image-access-permissions'])), () =>
      or(subset(perimeter, competence), and(isUnknown(perimeter), subset(communes, competence))),
    );
  },

  // ── the deployment ──
  'access-logging': (dep, x) => {
    const l = dep.accessLogging ?? {};
    return outcome(T, () => and(eq(l.enabled, true), subset(x.params['access-log-events'], l.events), subset(x.params['access-log-fields'], l.fields), eq(dep.exports?.registry, true)));
  },

  'dpia-completed': (dep) => outcome(T, () => eq(dep.dpia?.completed, true)),

  'recordings-auto-deleted': (dep) => outcome(T, () => eq(dep.recording?.automaticDeletion, true)),

  'export-requires-requisition': (dep, x) => {
    const exporting = (items) => list(items)?.filter((i) => Array.isArray(i.permissions) && i.permissions.includes('export')).length;
    const bases = dep.exports?.legalBases;
    const legal = x.params['requisition-legal-bases'];
    return outcome(or(gt(exporting(dep.roles), 0), gt(exporting(dep.users), 0), isKnown(dep.exports)), () =>
      and(eq(dep.exports?.requisitionRequired, true), subset(bases, legal), intersects(bases, legal)),
    );
  },

  'public-signage': (dep, x) => {
    const signage = dep.signage;
    const required = x.params['signage-required-items'];
    if (signage === null || typeof signage !== 'object') return { status: 'undetermined' };
    const stated = required.filter((k) => Object.hasOwn(signage, k));
    const differing = stated.filter((k) => signage[k] !== true);
    if (differing.length === 0 && stated.length < required.length) return { status: 'undetermined' };
    return { status: differing.length === 0 ? 'pass' : 'violation' };
  },
};

export const STATUS_CODES = ['pass', 'violation', 'undetermined', 'not-applicable'];

/** The targets of each scope, with their JSON Pointers (what rules/scopes.yaml says). */
export function targetsOf(deployment, scope) {
  if (scope === 'deployment') return { items: [deployment], pointers: [''] };
  const key = { camera: 'cameras', authorization: 'authorizations', user: 'users', role: 'roles' }[scope];
  const items = deployment[key] ?? [];
  return { items, pointers: items.map((_, i) => `/${key}/${i}`) };
}

/**
 * The hand-written loop: every check on every target. Like vigie's `findings: 'problems'`, it
 * builds a finding (message, evidence or missing fields) only for a violation or an undetermined
 * outcome and counts the passes; `statuses` keeps every outcome (one byte per rule and target) so
 * that the bench can compare all of them with vigie's and json-rules-engine's.
 */
export function handWrittenFindings(deployment, rules, params, asOf) {
  const x = { defaults: deployment.cameraDefaults ?? {}, deployment, index: deploymentIndex(deployment), params, asOf };
  const findings = [];
  const statuses = {};
  let pass = 0;
  for (const { id: ruleId, scope } of rules) {
    const check = handWrittenChecks[ruleId];
    if (!check) throw new Error(`no hand-written check for rule ${ruleId}: add it to scripts/bench/hand-written.mjs`);
    const { items, pointers } = targetsOf(deployment, scope);
    const codes = (statuses[ruleId] = { pointers, codes: new Uint8Array(items.length) });
    for (let i = 0; i < items.length; i++) {
      const target = items[i];
      const r = check(target, x);
      codes.codes[i] = STATUS_CODES.indexOf(r.status);
      if (r.status === 'pass' || r.status === 'not-applicable') {
        pass++;
        continue;
      }
      const id = target.id ?? target.reference ?? '';
      findings.push({
        ruleId,
        status: r.status,
        pointer: pointers[i],
        targetId: id,
        message: { fr: `${ruleId} : ${r.status} (${id})`, en: `${ruleId}: ${r.status} (${id})` },
        evidence: r.evidence ?? [],
        ...(r.missing ? { missing: r.missing } : {}),
      });
    }
  }
  return { findings, pass, statuses };
}

/** Every (rule, target) outcome of a hand-written run, as { ruleId, pointer, status }. */
export function handWrittenOutcomes(run) {
  return Object.entries(run.statuses).flatMap(([ruleId, { pointers, codes }]) => [...codes].map((c, i) => ({ ruleId, pointer: pointers[i], status: STATUS_CODES[c] })));
}
