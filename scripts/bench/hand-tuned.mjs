// The same checks as hand-written.mjs, written for speed, as a developer who measures would write
// them: one pass per rule over the targets, plain property reads, no closure, spread or rest
// argument per target, the lookups a check needs built once per deployment, a finding's pointer made
// only for a listed outcome. Same three-valued answers, same findings (a status and a short message,
// no evidence: less than vigie explains). The plain loop, ten camera checks on 100,000
// cameras in 27.5 ms, was of this kind. hand-written.mjs is the specification: a property test
// compares the two on random deployments (test/bench/hand-tuned.test.ts), and the bench compares
// both with vigie.
// Rules on authorizations and the deployment, a handful of targets, use hand-written.mjs's checks.
import { days, deploymentIndex as handIndex, handWrittenChecks, STATUS_CODES } from './hand-written.mjs';

// Three-valued logic: T, F, U (unknown), as in hand-written.mjs.
const T = 1;
const F = 0;
const U = 2;
const and2 = (a, b) => (a === F || b === F ? F : a === U || b === U ? U : T);
const or2 = (a, b) => (a === T || b === T ? T : a === U || b === U ? U : F);
const eq = (v, x) => (v === undefined ? U : v === x ? T : F);
const isIn = (v, list) => (v === undefined || list === undefined ? U : list.includes(v) ? T : F);

// A camera's setting is read as `cam.x !== undefined ? cam.x : d.x` (d: the camera defaults), one
// level down for a group (`cam.audio?.capture`, else the defaults'), written out at each read: a
// helper taking the key as an argument made a keyed, megamorphic read that V8 did not inline: with
// it, the checks took a third longer (0.22 s against 0.16 s at 100,000 cameras, no finding made).

/** A property of `{ ...defaults, ...value }` without making it (a property written as undefined overrides). */
function spreadProp(defaults, value, key) {
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, key)) return value[key];
  return defaults !== null && typeof defaults === 'object' && Object.hasOwn(defaults, key) ? defaults[key] : undefined;
}

/** Every element of `a` is in `b` (both lists), in three-valued logic. */
function subset(a, b) {
  if (a === undefined || b === undefined) return U;
  if (!Array.isArray(a) || !Array.isArray(b)) return F;
  for (let i = 0; i < a.length; i++) if (!b.includes(a[i])) return F;
  return T;
}

/** Masks covering one of `what`, summed up: how many, whether each states `key`, whether each has `key` equal to `value`. */
function masksSummary(masks, what, key, value) {
  if (!Array.isArray(masks)) return undefined;
  let count = 0;
  let allStated = true;
  let allEqual = true;
  for (let i = 0; i < masks.length; i++) {
    const m = masks[i];
    const covers = m.covers;
    if (!Array.isArray(covers)) continue;
    let hit = false;
    for (let j = 0; j < what.length && !hit; j++) hit = covers.includes(what[j]);
    if (!hit) continue;
    count++;
    const v = m[key];
    if (v === undefined) allStated = false;
    else if (v !== value) allEqual = false;
  }
  return { count, every: count === 0 ? T : !allStated ? U : allEqual ? T : F };
}
/** `gt(masks?.length, 0)` and `every(pluck(masks, key), value)` of hand-written.mjs. */
function someMasksAllWith(summary) {
  if (summary === undefined) return U;
  return and2(summary.count > 0 ? T : F, summary.every);
}

const INTERIORS = ['dwelling-interiors'];
const ENTRANCES = ['dwelling-entrances'];
const DWELLINGS = ['dwelling-interiors', 'dwelling-entrances'];
const PTZ_KINDS = ['ptz', 'dome'];
const DETECTION_MODES = ['real-time', 'statistical'];

/** What is built once per deployment: acts by reference and by camera, roles by id. */
function tunedIndex(dep, params) {
  const auths = dep.authorizations ?? [];
  const byRef = new Map();
  const algorithmic = auths.map((a) => Array.isArray(a.covers) && a.covers.includes('algorithmic-processing'));
  for (const a of auths) if (!byRef.has(a.reference)) byRef.set(a.reference, a);
  // The acts listing each camera id, by index (an act with `cameras: all` names every camera).
  const naming = new Map();
  auths.forEach((a, i) => {
    if (Array.isArray(a.cameras)) for (const id of a.cameras) naming.has(id) ? naming.get(id).add(i) : naming.set(id, new Set([i]));
  });
  const roles = new Map();
  for (const r of dep.roles ?? []) if (!roles.has(r.id)) roles.set(r.id, r);
  const communes = Array.isArray(dep.communes) && dep.communes.every((c) => c.insee !== undefined) ? dep.communes.map((c) => c.insee) : undefined;
  return { auths, byRef, algorithmic, naming, roles, communes, retention: dep.recording?.retention, purposes: dep.purposes, params };
}

const names = (x, i, id) => x.auths[i].cameras === 'all' || x.naming.get(id)?.has(i) === true;

/** The camera's authorization: the one it names, else the first non-algorithmic act listing it. */
function authorizationOf(cam, x) {
  const named = cam.authorization !== undefined ? x.byRef.get(cam.authorization) : undefined;
  if (named !== undefined) return named;
  for (let i = 0; i < x.auths.length; i++) if (!x.algorithmic[i] && names(x, i, cam.id)) return x.auths[i];
  return undefined;
}

function retentionOf(cam, d, x) {
  const r = cam.retention !== undefined ? cam.retention : d.retention;
  return days(r ?? x.retention);
}

// Each check: (camera or user, defaults, index, asOf) → status code, as hand-written.mjs decides it.
const NA = 3; // not applicable
/** The outcome of a check whose `appliesIf` does not hold: not applicable, or undetermined. */
const unapplied = (applies) => (applies === F ? NA : U);

const cameraChecks = {
  'no-audio-capture': (cam, d) => eq(cam.audio?.capture !== undefined ? cam.audio.capture : d.audio?.capture, false),

  'no-facial-recognition': (cam, d) => {
    const facial = cam.analytics?.facialRecognition !== undefined ? cam.analytics.facialRecognition : d.analytics?.facialRecognition;
    const biometric = cam.analytics?.biometricIdentification !== undefined ? cam.analytics.biometricIdentification : d.analytics?.biometricIdentification;
    return and2(eq(facial, false), eq(biometric, false));
  },

  'no-appearance-search': (cam, d) => {
    const da = d.analytics?.appearanceSearch;
    const ca = cam.analytics?.appearanceSearch;
    return or2(eq(spreadProp(da, ca, 'enabled'), false), eq(spreadProp(da, ca, 'framework'), 'judicial'));
  },

  'retention-max-one-month': (cam, d, x) => {
    const r = retentionOf(cam, d, x);
    return r === undefined ? U : r <= 30 ? T : F;
  },

  'retention-within-authorization': (cam, d, x) => {
    const r = retentionOf(cam, d, x);
    const auth = authorizationOf(cam, x);
    const max = days(auth?.retention);
    const within = r === undefined || max === undefined ? U : r <= max ? T : F;
    if (auth?.minimumRetention === undefined) return within;
    const min = days(auth.minimumRetention);
    return and2(within, r === undefined || min === undefined ? U : r >= min ? T : F);
  },

  'purposes-allowed': (cam, d, x) => {
    const purposes = (cam.purposes !== undefined ? cam.purposes : d.purposes) ?? x.purposes;
    const lawful = subset(purposes, x.params['lawful-purposes']);
    return lawful === F ? F : and2(lawful, subset(purposes, authorizationOf(cam, x)?.purposes));
  },

  'authorization-covers-camera': (cam, d, x) => {
    const applies = eq(cam.publicRoad !== undefined ? cam.publicRoad : d.publicRoad, true);
    if (applies !== T) return unapplied(applies);
    const commissioned = cam.commissioned !== undefined ? cam.commissioned : d.commissioned;
    let covering = 0;
    let allIssued = true;
    let issuedBefore = false;
    for (let i = 0; i < x.auths.length; i++) {
      const a = x.auths[i];
      if (x.algorithmic[i] || !(names(x, i, cam.id) || (cam.authorization !== undefined && a.reference === cam.authorization))) continue;
      covering++;
      if (a.issued === undefined) allIssued = false;
      else if (a.issued <= commissioned) issuedBefore = true;
    }
    if (covering === 0) return F;
    return !allIssued || commissioned === undefined ? U : issuedBefore ? T : F;
  },

  'public-road-by-public-authority': (cam, d, x) => {
    const applies = eq(cam.publicRoad !== undefined ? cam.publicRoad : d.publicRoad, true);
    if (applies !== T) return unapplied(applies);
    const pa = cam.owner?.publicAuthority !== undefined ? cam.owner.publicAuthority : d.owner?.publicAuthority;
    const kind = cam.owner?.kind !== undefined ? cam.owner.kind : d.owner?.kind;
    const byAuthority = pa === undefined ? isIn(kind, x.params['public-authority-owner-kinds']) : pa === true ? T : F;
    const surroundings = cam.immediateSurroundingsOnly !== undefined ? cam.immediateSurroundingsOnly : d.immediateSurroundingsOnly;
    return or2(byAuthority, eq(surroundings, true));
  },

  'dwelling-privacy-masking': (cam, d) => {
    const res = cam.inView?.residentialBuildings !== undefined ? cam.inView.residentialBuildings : d.inView?.residentialBuildings;
    const ent = cam.inView?.dwellingEntrances !== undefined ? cam.inView.dwellingEntrances : d.inView?.dwellingEntrances;
    const applies = or2(eq(res, true), eq(ent, true));
    if (applies !== T) return unapplied(applies);
    const masks = cam.masks !== undefined ? cam.masks : d.masks;
    const interiors = res === false ? T : or2(eq(res, false), someMasksAllWith(masksSummary(masks, INTERIORS, 'irreversible', true)));
    const entrances = ent === false ? T : or2(eq(ent, false), someMasksAllWith(masksSummary(masks, ENTRANCES, 'irreversible', true)));
    return and2(interiors, entrances);
  },

  'ptz-dynamic-masking': (cam, d) => {
    const kind = isIn(cam.kind !== undefined ? cam.kind : d.kind, PTZ_KINDS);
    if (kind === F) return NA;
    const res = cam.inView?.residentialBuildings !== undefined ? cam.inView.residentialBuildings : d.inView?.residentialBuildings;
    const ent = cam.inView?.dwellingEntrances !== undefined ? cam.inView.dwellingEntrances : d.inView?.dwellingEntrances;
    const applies = and2(kind, or2(eq(res, true), eq(ent, true)));
    if (applies !== T) return unapplied(applies);
    return someMasksAllWith(masksSummary(cam.masks !== undefined ? cam.masks : d.masks, DWELLINGS, 'kind', 'dynamic'));
  },

  'algorithmic-detection-lawful': (cam, d, x, asOf) => {
    const de = d.analytics?.eventDetection;
    const ce = cam.analytics?.eventDetection;
    const mode = spreadProp(de, ce, 'mode');
    const applies = and2(eq(spreadProp(de, ce, 'enabled'), true), isIn(mode, DETECTION_MODES));
    if (applies !== T) return unapplied(applies);
    if (mode === 'statistical') return T;
    const end = x.params['algorithmic-detection-end'];
    const inTime = end === undefined ? U : asOf <= end ? T : F;
    const events = subset(spreadProp(de, ce, 'events'), x.params['algorithmic-event-types']);
    const reference = spreadProp(de, ce, 'authorization');
    let acts = 0;
    for (let i = 0; i < x.auths.length; i++) if (x.algorithmic[i] && ((reference !== undefined && x.auths[i].reference === reference) || names(x, i, cam.id))) acts++;
    return and2(and2(inTime, events), acts > 0 ? T : F);
  },
};

/** The user's permissions, their role's and their own, or undefined when neither is a list. */
function permissionsOf(user, role) {
  const r = role !== undefined && Array.isArray(role.permissions) ? role.permissions : undefined;
  const u = Array.isArray(user.permissions) ? user.permissions : undefined;
  return r === undefined && u === undefined ? undefined : { r, u };
}
function anyPermissionIn(p, list) {
  if (p === undefined || list === undefined) return U;
  if (!Array.isArray(list)) return F;
  if (p.r !== undefined) for (let i = 0; i < p.r.length; i++) if (list.includes(p.r[i])) return T;
  if (p.u !== undefined) for (let i = 0; i < p.u.length; i++) if (list.includes(p.u[i])) return T;
  return F;
}
const hasPermission = (p, name) => (p === undefined ? U : (p.r !== undefined && p.r.includes(name)) || (p.u !== undefined && p.u.includes(name)) ? T : F);
const dateLe = (a, b) => (a === undefined || b === undefined ? U : a <= b ? T : F);
const roleOf = (user, x) => (user.role !== undefined ? x.roles.get(user.role) : undefined);

const userChecks = {
  'viewers-habilitated': (user, x, asOf) => {
    const applies = anyPermissionIn(permissionsOf(user, roleOf(user, x)), x.params['image-access-permissions']);
    if (applies !== T) return unapplied(applies);
    const h = user.habilitation ?? {};
    const reference = h.reference === undefined ? U : h.reference !== '' ? T : F;
    return and2(and2(eq(user.individuallyDesignated, true), reference), and2(dateLe(h.from, asOf), dateLe(asOf, h.until ?? '9999-12-31')));
  },

  'replay-restricted': (user, x) => {
    const role = roleOf(user, x);
    const applies = hasPermission(permissionsOf(user, role), 'replay');
    if (applies !== T) return unapplied(applies);
    return isIn(role?.kind, x.params['replay-role-kinds']);
  },

  'municipal-territorial-scope': (user, x) => {
    const role = roleOf(user, x);
    const applies = and2(isIn(role?.kind, x.params['territorially-limited-role-kinds']), anyPermissionIn(permissionsOf(user, role), x.params['image-access-permissions']));
    if (applies !== T) return unapplied(applies);
    const rc = Array.isArray(role?.communes) ? role.communes : undefined;
    const uc = Array.isArray(user.communes) ? user.communes : undefined;
    const competence = user.competentCommunes ?? role?.competentCommunes;
    // An unknown perimeter leaves the first alternative unknown: the deployment's communes can only make it hold.
    if (rc === undefined && uc === undefined) return or2(U, subset(x.communes, competence));
    if (competence === undefined) return U;
    return Array.isArray(competence) && (rc === undefined || rc.every((c) => competence.includes(c))) && (uc === undefined || uc.every((c) => competence.includes(c))) ? T : F;
  },
};

const CODE_OF = [1, 0, 2, 3]; // indexed by F, T, U, NA: the index in STATUS_CODES
const COLLECTIONS = { camera: 'cameras', authorization: 'authorizations', user: 'users', role: 'roles' };

/**
 * The tuned loop: every check on every target, a finding only for a violation or an undetermined
 * outcome, as handWrittenFindings; `statuses` keeps every outcome (one byte per rule and target).
 */
export function tunedFindings(deployment, rules, params, asOf) {
  const x = tunedIndex(deployment, params);
  const defaults = deployment.cameraDefaults ?? {};
  const findings = [];
  const statuses = {};
  let pass = 0;
  const slow = { defaults, deployment, index: null, params, asOf };
  for (const { id: ruleId, scope } of rules) {
    const collection = COLLECTIONS[scope];
    const items = scope === 'deployment' ? [deployment] : (deployment[collection] ?? []);
    const codes = new Uint8Array(items.length);
    statuses[ruleId] = { collection, codes };
    const camera = scope === 'camera' ? cameraChecks[ruleId] : undefined;
    const user = scope === 'user' ? userChecks[ruleId] : undefined;
    let other;
    if (!camera && !user) {
      other = handWrittenChecks[ruleId];
      if (!other) throw new Error(`no check for rule ${ruleId}: add it to scripts/bench/hand-written.mjs and hand-tuned.mjs`);
      slow.index ??= handIndex(deployment);
    }
    for (let i = 0; i < items.length; i++) {
      const target = items[i];
      const code = camera ? CODE_OF[camera(target, defaults, x, asOf)] : user ? CODE_OF[user(target, x, asOf)] : STATUS_CODES.indexOf(other(target, slow).status);
      codes[i] = code;
      if (code === 0 || code === 3) {
        pass++;
        continue;
      }
      const status = STATUS_CODES[code];
      const id = target.id ?? target.reference ?? '';
      findings.push({
        ruleId,
        status,
        pointer: collection === undefined ? '' : `/${collection}/${i}`,
        targetId: id,
        message: { fr: `${ruleId} : ${status} (${id})`, en: `${ruleId}: ${status} (${id})` },
        evidence: [],
      });
    }
  }
  return { findings, pass, statuses };
}

/** Every (rule, target) outcome of a tuned run, as { ruleId, pointer, status }. */
export function tunedOutcomes(run) {
  return Object.entries(run.statuses).flatMap(([ruleId, { collection, codes }]) => [...codes].map((c, i) => ({ ruleId, pointer: collection === undefined ? '' : `/${collection}/${i}`, status: STATUS_CODES[c] })));
}
