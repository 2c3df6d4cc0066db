// Benchmark of `vigie audit` on a large generated access log: throughput and peak memory.
// Not a test (no timing in tests): run it with `npm run bench:audit` after `npm run build`.
//
//   node scripts/bench-audit.mjs [--events N] [--seed S] [--keep] [--json]
//
// --json adds a last line `result {...}` (events, seconds, CPU seconds, peak RSS) that scripts/bench.mjs reads.
//
// Writes a seeded deployment (300 cameras, 60 users) and a JSON Lines log of N events (default
// 1,000,000) to a temporary directory, then runs the built CLI on them in a child process and
// reports events per second and the child's peak resident memory (its own
// process.resourceUsage().maxRSS, printed by a preloaded hook).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '42' }, keep: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
const total = Number(values.events);
if (!existsSync(cli)) {
  console.error('bench-audit: build first (npm run build)');
  process.exit(2);
}

// mulberry32: a small seeded generator, so that every run audits the same log.
let state = Number(values.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
const configFile = join(dir, 'deployment.json');
const logFile = join(dir, 'access.jsonl');

const communes = ['99001', '99002', '99003'];
const cameras = Array.from({ length: 300 }, (_, i) => ({ id: `CAM-${String(i + 1).padStart(3, '0')}`, commune: communes[i % 3], ...(i % 10 === 0 ? { retention: { days: 15 } } : {}) }));
const operators = Array.from({ length: 40 }, (_, i) => ({ id: `op-${i + 1}`, role: 'operator', habilitation: { reference: `HAB-${i + 1}`, from: '2024-01-01' } }));
const police = Array.from({ length: 20 }, (_, i) => ({ id: `pm-${i + 1}`, role: 'pm', communes: [communes[i % 3]], habilitation: { reference: `HAB-PM-${i + 1}`, from: '2024-01-01' } }));
writeFileSync(
  configFile,
  JSON.stringify({
    communes: [{ insee: '99001', epci: 'CC' }, { insee: '99002', epci: 'CC' }, { insee: '99003' }],
    recording: { retention: { days: 30 } },
    cameras,
    roles: [
      { id: 'operator', kind: 'csu-operator', permissions: ['live-view', 'replay', 'export', 'ptz'] },
      { id: 'pm', kind: 'municipal-police', permissions: ['live-view'] },
    ],
    users: [...operators, ...police],
  }),
);

// A mostly lawful month of activity, with a few exports before their requisition and a few
// accesses outside a municipal agent's territory.
const out = createWriteStream(logFile);
const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
const start = Date.parse('2026-01-01T00:00:00+01:00');
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
let t = start;
let requisitions = 0;
for (let n = 0; n < total; ) {
  t += Math.floor(random() * 5000);
  const r = random();
  const camera = pick(cameras).id;
  let lines;
  if (r < 0.01) {
    const ref = `PV-${++requisitions}`;
    const footage = { from: iso(t - 3_600_000 * 5), to: iso(t - 3_600_000 * 4) };
    const receipt = { time: iso(t), actor: pick(operators).id, action: 'requisition-received', cameras: [camera], footage, requisition: { reference: ref, basis: pick(['cpp-60-1', 'cpp-77-1-1', 'cpp-99-3']), issuer: 'officer' } };
    const exp = { time: iso(t + 600_000), actor: pick(operators).id, action: 'export', cameras: [camera], footage, requisition: { reference: ref }, recipient: 'OPJ' };
    lines = random() < 0.05 ? [exp, receipt] : [receipt, exp];
  } else if (r < 0.1) {
    lines = [{ time: iso(t), actor: pick(operators).id, action: 'replay', cameras: [camera], footage: { from: iso(t - 3_600_000 * 24), to: iso(t - 3_600_000 * 23) }, motive: 'incident' }];
  } else if (r < 0.3) {
    const agent = pick(police);
    // One access in a hundred is to a camera of another commune.
    const own = cameras.filter((c) => (random() < 0.01 ? c.commune !== agent.communes[0] : c.commune === agent.communes[0]));
    lines = [{ time: iso(t), actor: agent.id, action: 'live-view', cameras: [pick(own).id] }];
  } else if (r < 0.4) {
    lines = [{ time: iso(t), actor: pick(operators).id, action: 'ptz', cameras: [camera] }];
  } else {
    const other = pick(cameras).id;
    lines = [{ time: iso(t), actor: pick(operators).id, action: 'live-view', cameras: other === camera ? [camera] : [camera, other] }];
  }
  for (const e of lines) {
    if (n++ >= total) break;
    await write(JSON.stringify(e) + '\n');
  }
}
await new Promise((r) => out.end(r));
console.log(`bench-audit: ${total.toLocaleString('en')} events, ${(statSync(logFile).size / 1e6).toFixed(1)} MB log, ${cameras.length} cameras, ${operators.length + police.length} users`);

// The child prints its own peak RSS when it exits (maxRSS is in kilobytes).
const hook = join(dir, 'report-rss.cjs');
writeFileSync(hook, `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('maxRSS ' + u.maxRSS + ' cpu ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n`);
const began = process.hrtime.bigint();
const run = spawnSync(process.execPath, ['--require', hook, cli, 'audit', '--config', configFile, logFile, '--format', 'json', '--as-of', '2026-03-01', '--pack', 'fr-law,cnil-guidance'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const seconds = Number(process.hrtime.bigint() - began) / 1e9;
const rss = /maxRSS (\d+) cpu (\d+)/.exec(run.stderr);
if (run.status !== 0 && run.status !== 1) {
  console.error(run.stderr);
  process.exit(2);
}
const report = JSON.parse(run.stdout);
const log = report.logs[0];
const s = report.summary;
console.log(`audited: ${log.events.toLocaleString('en')} events, ${log.skippedCount} skipped; ${s.total.toLocaleString('en')} findings counted (${s.violation} violation, ${s.undetermined} undetermined, ${s.pass} pass, ${s['not-applicable']} not applicable), ${report.findings.length} listed`);
console.log(`time: ${seconds.toFixed(1)} s, ${Math.round(log.events / seconds).toLocaleString('en')} events/s (CLI start included)`);
// CPU time says what the audit costs when the machine is shared with other work.
if (rss) console.log(`CPU time of the audit: ${(Number(rss[2]) / 1e6).toFixed(1)} s, ${Math.round(log.events / (Number(rss[2]) / 1e6)).toLocaleString('en')} events per CPU-second`);
console.log(`peak RSS of the audit: ${rss ? (Number(rss[1]) / 1024).toFixed(0) : '?'} MB`);
if (values.json) console.log(`result ${JSON.stringify({ events: log.events, seconds, cpuSeconds: rss ? Number(rss[2]) / 1e6 : undefined, peakRssBytes: rss ? Number(rss[1]) * 1024 : undefined, violation: s.violation, undetermined: s.undetermined, pass: s.pass })}`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
else console.log(`kept: ${dir}`);
