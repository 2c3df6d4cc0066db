// A seeded synthetic deployment: the same `cameras` count and seed always give the same file.
// The mix follows what real CSU inventories look like, and exercises every rule of the fr-law pack
// on cameras, authorizations, users and the deployment: most cameras inherit the recording
// system's retention and the defaults, some override them (a few wrongly), some are named by an
// authorization or name one, some film dwellings (with or without masks), a few capture sound or
// run analytics, and some leave fields unstated (which must give `undetermined`, never a pass).
// Authorizations and roles are a fixed handful (as in a real CSU); users grow with the cameras.

/** mulberry32: a tiny deterministic PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const camId = (i) => `CAM-${String(i + 1).padStart(6, '0')}`;

/** A fixed handful of prefectoral acts: a network-wide one, a district one naming cameras, an algorithmic one, a renewed one, a provisional and an event one. */
function authorizations(cameras) {
  const listed = [];
  for (let i = 0; i < Math.min(cameras, 40); i += 2) listed.push(camId(i));
  return [
    { reference: 'AP-2024-001', kind: 'standard', issued: '2024-02-01', retention: { days: 30 }, purposes: ['crime-prevention', 'transport-flows', 'traffic-offences', 'public-buildings'], cameras: 'all', covers: ['video-protection'], renews: 'AP-2019-001' },
    { reference: 'AP-2019-001', kind: 'standard', issued: '2019-03-01', retention: { days: 30 }, purposes: ['crime-prevention'], cameras: 'all', covers: ['video-protection'] },
    { reference: 'AP-2024-017', kind: 'standard', issued: '2024-06-10', ends: '2029-06-09', retention: { days: 15 }, minimumRetention: { days: 7 }, purposes: ['crime-prevention', 'transport-flows'], cameras: listed, covers: ['video-protection'] },
    { reference: 'AP-2024-ALG', kind: 'standard', issued: '2024-09-01', purposes: ['crime-prevention'], cameras: listed.slice(0, 5), covers: ['algorithmic-processing'] },
    { reference: 'AP-2025-PRV', kind: 'provisional', issued: '2025-06-01', retention: { days: 10 }, purposes: ['crime-prevention'], cameras: [camId(1)], covers: ['video-protection'] },
    { reference: 'AP-2025-EVT', kind: 'event', issued: '2025-12-01', event: { name: 'Fête de la musique', from: '2026-06-20', until: '2026-06-22' }, purposes: ['crime-prevention'], cameras: [camId(3)], covers: ['video-protection'] },
    { reference: 'AP-2018-OLD', issued: '2018-01-15', purposes: ['crime-prevention'], cameras: [camId(5)], covers: ['video-protection'] },
  ];
}

const ROLES = [
  { id: 'operateur', kind: 'csu-operator', permissions: ['live-view', 'replay', 'ptz'] },
  { id: 'chef-de-salle', kind: 'csu-operator', permissions: ['live-view', 'replay', 'export'] },
  { id: 'police-municipale', kind: 'municipal-police', permissions: ['live-view'], communes: ['17300'], competentCommunes: ['17300'] },
  { id: 'police-intercommunale', kind: 'municipal-police', permissions: ['live-view', 'replay'], communes: ['17300', '17274'], competentCommunes: ['17300'] },
  { id: 'maire', kind: 'mayor', permissions: ['live-view'] },
  { id: 'technicien', kind: 'technician', permissions: ['administration', 'mask-edit'] },
  { id: 'prestataire', kind: 'other', permissions: ['replay'] },
];

function camera(i, r, pick) {
  const cam = { id: camId(i), kind: pick(['fixed', 'fixed', 'fixed', 'ptz', 'dome']) };
  if (r() < 0.9) cam.commissioned = pick(['2015-04-01', '2019-05-10', '2019-05-10', '2024-03-01', '2024-07-01', '2024-07-01', '2024-07-01', '2025-01-20']);
  const x = r();
  if (x < 0.08) cam.retention = { days: pick([7, 10, 15, 20, 21, 30]) };
  else if (x < 0.1) cam.retention = pick([{ days: 45 }, { days: 31 }, { months: 1 }, { hours: 96 }, { months: 2 }, { days: 3 }]);
  const a = r();
  if (a < 0.03) cam.audio = { capture: true };
  else if (a < 0.06) cam.audio = { capture: false, broadcast: true };
  else if (a < 0.08) cam.audio = { broadcast: true }; // capture inherited from the defaults
  const n = r();
  if (n < 0.7) cam.analytics = { facialRecognition: false, biometricIdentification: false };
  else if (n < 0.72) cam.analytics = { facialRecognition: true, biometricIdentification: false };
  else if (n < 0.73) cam.analytics = { facialRecognition: false, biometricIdentification: true };
  else if (n < 0.8) cam.analytics = { facialRecognition: false }; // biometric identification not stated
  // else: no analytics stated at all
  const s = r();
  if (s < 0.03) (cam.analytics ??= {}).appearanceSearch = { enabled: true, framework: pick(['judicial', 'none']) };
  else if (s < 0.05) (cam.analytics ??= {}).appearanceSearch = { enabled: true }; // framework not stated
  const e = r();
  if (e < 0.04) {
    const mode = pick(['statistical', 'real-time', 'recorded-footage']);
    const detection = { enabled: true, mode, events: r() < 0.7 ? ['abandoned-object', 'wrong-way'] : ['abandoned-object', 'loitering'] };
    if (r() < 0.5) detection.authorization = 'AP-2024-ALG';
    (cam.analytics ??= {}).eventDetection = detection;
  } else if (e < 0.05) (cam.analytics ??= {}).eventDetection = { enabled: true }; // mode not stated
  const v = r();
  if (v < 0.15) cam.inView = { residentialBuildings: true };
  else if (v < 0.22) cam.inView = { dwellingEntrances: true, residentialBuildings: r() < 0.5 };
  else if (v < 0.24) cam.inView = { dwellingEntrances: true, residentialBuildings: true };
  if (v < 0.24) {
    const m = r();
    if (m < 0.6) cam.masks = [{ id: 'M1', kind: cam.kind === 'fixed' || r() < 0.7 ? 'dynamic' : 'static', covers: ['dwelling-interiors', 'dwelling-entrances'], irreversible: true }];
    else if (m < 0.75) cam.masks = [{ id: 'M1', kind: 'dynamic', covers: ['dwelling-interiors'], irreversible: r() < 0.5 }];
    else if (m < 0.85) cam.masks = [{ id: 'M1', covers: ['dwelling-interiors', 'dwelling-entrances'] }]; // kind and irreversibility not stated
    else if (m < 0.9) cam.masks = [];
    // else: masks not stated
  }
  const p = r();
  if (p < 0.05) cam.publicRoad = false;
  else if (p < 0.08) cam.immediateSurroundingsOnly = true;
  const o = r();
  if (o < 0.02) cam.owner = { kind: 'private', publicAuthority: false };
  else if (o < 0.04) cam.owner = { kind: 'transport-operator' };
  else if (o < 0.05) cam.owner = { kind: 'epci' };
  const u = r();
  if (u < 0.1) cam.purposes = ['crime-prevention', 'transport-flows'];
  else if (u < 0.12) cam.purposes = ['crime-prevention', 'commercial-statistics'];
  else if (u < 0.14) cam.purposes = ['traffic-offences'];
  const z = r();
  if (z < 0.05) cam.authorization = 'AP-2024-017';
  else if (z < 0.06) cam.authorization = 'AP-2019-001'; // the act that was renewed
  if (r() < 0.5) cam.location = { address: `${1 + Math.floor(r() * 200)} rue ${pick(['de la Gare', 'Victor-Hugo', 'du Port', 'des Écoles'])}` };
  return cam;
}

function user(i, r, pick) {
  const u = { id: `U-${String(i + 1).padStart(5, '0')}` };
  const k = r();
  if (k < 0.9) u.role = pick(ROLES).id;
  if (r() < 0.1) u.permissions = [pick(['replay', 'export', 'live-view'])];
  if (r() < 0.1) u.communes = ['17274'];
  if (r() < 0.05) u.competentCommunes = ['17300', '17274'];
  const d = r();
  if (d < 0.85) u.individuallyDesignated = true;
  else if (d < 0.92) u.individuallyDesignated = false;
  const h = r();
  if (h < 0.7) u.habilitation = { reference: `ARR-M-2025-${String(i % 100).padStart(3, '0')}`, from: '2025-01-06' };
  else if (h < 0.8) u.habilitation = { reference: 'ARR-M-2023-004', from: '2023-01-02', until: '2025-12-31' };
  else if (h < 0.85) u.habilitation = { reference: 'ARR-M-2026-001', from: '2026-02-01' };
  else if (h < 0.9) u.habilitation = { from: '2024-01-08' };
  // else: no habilitation stated
  return u;
}

/** A camera of a deployment that complies: it states what the law asks, its act covers it, the defaults say the rest. */
function compliantCamera(i, r, pick) {
  const cam = {
    id: camId(i),
    kind: pick(['fixed', 'fixed', 'fixed', 'ptz', 'dome']),
    commissioned: pick(['2024-03-01', '2024-07-01', '2024-07-01', '2025-01-20']),
    analytics: { facialRecognition: false, biometricIdentification: false },
  };
  if (r() < 0.5) cam.location = { address: `${1 + Math.floor(r() * 200)} rue ${pick(['de la Gare', 'Victor-Hugo', 'du Port', 'des Écoles'])}` };
  return cam;
}

/** A user of a deployment that complies: a CSU operator or the municipal police, designated and habilitated. */
function compliantUser(i, r, pick) {
  return {
    id: `U-${String(i + 1).padStart(5, '0')}`,
    role: pick(['operateur', 'police-municipale']),
    individuallyDesignated: true,
    habilitation: { reference: `ARR-M-2025-${String(i % 100).padStart(3, '0')}`, from: '2025-01-06' },
  };
}

/**
 * `mixed` (default): the mix described at the top, where about one outcome in twelve is a problem.
 * `compliant`: the same network where every camera and user complies, as a deployment does once its
 * findings are fixed; it shows what evaluating costs when little is listed.
 */
const PROFILES = { mixed: { camera, user }, compliant: { camera: compliantCamera, user: compliantUser } };

/** The profiles' names, for the scripts that take one as an option. */
export const profiles = Object.keys(PROFILES);

export function syntheticDeployment(cameras, seed = 42, profile = 'mixed') {
  const make = PROFILES[profile];
  if (!make) throw new Error(`profile is one of: ${profiles.join(', ')}`);
  const r = rng(seed);
  const pick = (items) => items[Math.floor(r() * items.length)];
  const list = [];
  for (let i = 0; i < cameras; i++) list.push(make.camera(i, r, pick));
  const users = [];
  for (let i = 0; i < Math.max(10, Math.round(cameras / 20)); i++) users.push(make.user(i, r, pick));
  return {
    name: `Synthetic CSU (${cameras} cameras, seed ${seed}${profile === 'mixed' ? '' : `, ${profile}`})`,
    communes: [{ insee: '17300' }, { insee: '17274' }],
    purposes: ['crime-prevention', 'transport-flows'],
    authorizations: profile === 'mixed' ? authorizations(cameras) : authorizations(cameras).slice(0, 2),
    recording: { retention: { days: 30 }, automaticDeletion: true },
    cameraDefaults: { publicRoad: true, audio: { capture: false }, owner: { kind: 'commune', publicAuthority: true }, inView: { residentialBuildings: false, dwellingEntrances: false }, analytics: { appearanceSearch: { enabled: false }, eventDetection: { enabled: false } } },
    cameras: list,
    roles: ROLES,
    users,
    exports: { requisitionRequired: true, legalBases: ['cpp-60-1', 'cpp-77-1-1'], registry: true },
    accessLogging: { enabled: true, events: ['replay', 'export', 'live-view'], fields: ['user', 'time', 'motive'] },
    signage: { posted: true, pictogram: true, controllerIdentity: true, purposes: true, ...(profile === 'mixed' ? {} : { rightsContact: true }) },
    dpia: { completed: true },
  };
}
