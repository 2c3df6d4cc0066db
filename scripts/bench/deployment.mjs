// A seeded synthetic deployment: the same `cameras` count and seed always give the same file.
// The mix follows what real CSU inventories look like: most cameras inherit the recording
// system's retention, some override it (a few too long), a few capture sound, a few run analytics,
// and some leave fields unstated (which must give `undetermined`, never a pass).

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

export function syntheticDeployment(cameras, seed = 42) {
  const r = rng(seed);
  const pick = (items) => items[Math.floor(r() * items.length)];
  const list = [];
  for (let i = 0; i < cameras; i++) {
    const cam = { id: `CAM-${String(i + 1).padStart(6, '0')}`, kind: pick(['fixed', 'fixed', 'fixed', 'ptz', 'dome']) };
    const x = r();
    if (x < 0.08) cam.retention = { days: pick([7, 10, 15, 20, 21, 30]) };
    else if (x < 0.1) cam.retention = pick([{ days: 45 }, { days: 31 }, { months: 1 }, { hours: 96 }, { months: 2 }]);
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
    if (r() < 0.5) cam.location = { address: `${1 + Math.floor(r() * 200)} rue ${pick(['de la Gare', 'Victor-Hugo', 'du Port', 'des Écoles'])}` };
    list.push(cam);
  }
  return {
    name: `Synthetic CSU (${cameras} cameras, seed ${seed})`,
    recording: { retention: { days: 30 }, automaticDeletion: true },
    cameraDefaults: { publicRoad: true, audio: { capture: false } },
    cameras: list,
  };
}
