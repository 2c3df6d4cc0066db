import { describe, expect, it } from 'vitest';
import { VigieInputError, evaluate, parseConfig, type Finding, type Report } from '../src/index.js';

const findingOf = (report: Report, ruleId: string, targetId?: string): Finding => {
  const f = report.findings.find((x) => x.ruleId === ruleId && (targetId === undefined || x.targetId === targetId));
  if (!f) throw new Error(`no finding of ${ruleId}${targetId ? ` for ${targetId}` : ''}`);
  return f;
};

/** Real-time detection of two of the decree's events, under an act of its own. */
const liveDetection = {
  authorizations: [
    { reference: 'ARR-2021-01', kind: 'standard', issued: '2021-01-04', covers: ['video-protection'], cameras: 'all' },
    { reference: 'ALGO-01', kind: 'standard', issued: '2024-01-10', covers: ['algorithmic-processing'], cameras: ['CAM-1'] },
  ],
  cameras: [
    {
      id: 'CAM-1',
      analytics: { eventDetection: { enabled: true, mode: 'real-time', events: ['abandoned-object', 'crowd-movement'], authorization: 'ALGO-01' } },
    },
  ],
};

describe('algorithmic detection follows its dated legal window', () => {
  it('passes as of a day inside the experimentation and is a violation as of 2026', async () => {
    const in2024 = await evaluate(liveDetection, { asOf: '2024-07-20' });
    const in2026 = await evaluate(liveDetection, { asOf: '2026-01-15' });
    expect(findingOf(in2024, 'algorithmic-detection-lawful').status).toBe('pass');
    const v = findingOf(in2026, 'algorithmic-detection-lawful');
    expect(v.status).toBe('violation');
    expect(v.message.en).toContain('2025-03-31');
    expect(v.evidence.find((e) => e.condition === 'within-experimentation-window')).toMatchObject({
      actual: '2026-01-15',
      expected: '2025-03-31',
      parameter: { id: 'algorithmic-detection-end', value: '2025-03-31' },
    });
  });

  it('treats the last day of the window as inside it', async () => {
    expect(findingOf(await evaluate(liveDetection, { asOf: '2025-03-31' }), 'algorithmic-detection-lawful').status).toBe('pass');
    expect(findingOf(await evaluate(liveDetection, { asOf: '2025-04-01' }), 'algorithmic-detection-lawful').status).toBe('violation');
  });

  it('passes in 2026 when the uncertain JO 2030 extension is selected, and says so in the evidence', async () => {
    const choices = { 'algorithmic-detection-end': 'jo-2030-extension' };
    const r = await evaluate(liveDetection, { asOf: '2026-01-15', parameterChoices: choices });
    expect(findingOf(r, 'algorithmic-detection-lawful').status).toBe('pass');
    const after = await evaluate(liveDetection, { asOf: '2028-01-01', parameterChoices: choices });
    const v = findingOf(after, 'algorithmic-detection-lawful');
    expect(v.status).toBe('violation');
    expect(v.evidence.find((e) => e.condition === 'within-experimentation-window')?.parameter).toMatchObject({
      alternative: 'jo-2030-extension',
      value: '2027-12-31',
      references: [expect.objectContaining({ confidence: 'U' })],
    });
  });

  it('allows statistical counting after the window, and refuses events outside the decree or without an act of its own', async () => {
    const statistical = { cameras: [{ id: 'CAM-1', analytics: { eventDetection: { enabled: true, mode: 'statistical' } } }] };
    expect(findingOf(await evaluate(statistical, { asOf: '2026-01-15' }), 'algorithmic-detection-lawful').status).toBe('pass');

    const loitering = structuredClone(liveDetection);
    loitering.cameras[0]!.analytics.eventDetection.events = ['abandoned-object', 'loitering'];
    const ev = findingOf(await evaluate(loitering, { asOf: '2024-07-20' }), 'algorithmic-detection-lawful');
    expect(ev.status).toBe('violation');
    expect(ev.message.en).toContain('loitering');

    const ordinaryActOnly = { ...structuredClone(liveDetection), authorizations: [liveDetection.authorizations[0]!] };
    delete (ordinaryActOnly.cameras[0]!.analytics.eventDetection as { authorization?: string }).authorization;
    const noAct = findingOf(await evaluate(ordinaryActOnly, { asOf: '2024-07-20' }), 'algorithmic-detection-lawful');
    expect(noAct.status).toBe('violation');
    expect(noAct.evidence.map((e) => e.condition)).toContain('own-algorithmic-authorization');
  });
});

describe('a standard authorization lasts five years from its issue', () => {
  const config = { authorizations: [{ reference: 'ARR-2019-0601', kind: 'standard', issued: '2019-06-01', cameras: 'all' }] };
  const statusOn = async (asOf: string) => findingOf(await evaluate(config, { asOf }), 'authorization-in-force').status;

  it('is in force on 2024-05-31 (its last day) and no longer on 2024-06-01 or 2024-06-02', async () => {
    expect(await statusOn('2019-06-01')).toBe('pass');
    expect(await statusOn('2024-05-31')).toBe('pass');
    expect(await statusOn('2024-06-01')).toBe('violation');
    expect(await statusOn('2024-06-02')).toBe('violation');
  });

  it('is not yet in force before its issue', async () => {
    expect(await statusOn('2019-05-31')).toBe('violation');
  });

  it('is no longer checked once renewed, while the renewal is', async () => {
    const renewed = { authorizations: [...config.authorizations, { reference: 'ARR-2024-0515', kind: 'standard', issued: '2024-05-15', renews: 'ARR-2019-0601', cameras: 'all' }] };
    const r = await evaluate(renewed, { asOf: '2026-01-15' });
    expect(findingOf(r, 'authorization-in-force', 'ARR-2019-0601').status).toBe('not-applicable');
    expect(findingOf(r, 'authorization-in-force', 'ARR-2024-0515').status).toBe('pass');
  });

  it('refuses a renewal naming an authorization that is not declared', async () => {
    const bad = { authorizations: [{ reference: 'B', kind: 'standard', issued: '2024-05-15', renews: 'A' }] };
    await expect(evaluate(bad, { asOf: '2026-01-15' })).rejects.toBeInstanceOf(VigieInputError);
  });

  it('gives a provisional authorization four months (120 days by default, calendar months on request)', async () => {
    const prov = { authorizations: [{ reference: 'P-1', kind: 'provisional', issued: '2024-01-01', cameras: 'all' }] };
    const s = async (asOf: string, parameterChoices?: Record<string, string>) => findingOf(await evaluate(prov, { asOf, parameterChoices }), 'authorization-in-force').status;
    expect(await s('2024-04-29')).toBe('pass'); // day 119
    expect(await s('2024-04-30')).toBe('violation'); // day 120
    expect(await s('2024-04-30', { 'month-counting': 'calendar' })).toBe('pass'); // 1 Jan → 1 May is 121 days
  });

  it('ends an event prescription with the event', async () => {
    const ev = { authorizations: [{ reference: 'E-1', kind: 'event', issued: '2024-06-20', event: { name: 'Festival', from: '2024-07-10', until: '2024-07-14' } }] };
    expect(findingOf(await evaluate(ev, { asOf: '2024-07-14' }), 'authorization-in-force').status).toBe('pass');
    expect(findingOf(await evaluate(ev, { asOf: '2024-07-15' }), 'authorization-in-force').status).toBe('violation');
  });
});

describe('appearance search', () => {
  it('is a violation in a Nîmes-like deployment, located on the camera', async () => {
    const config = parseConfig(
      ['cameras:', '  - id: NI-0142', '    analytics:', '      vendor: Example Analytics', '      appearanceSearch: { enabled: true, framework: none }', ''].join('\n'),
      { file: 'nimes.yaml' },
    );
    const f = findingOf(await evaluate(config, { asOf: '2026-01-15' }), 'no-appearance-search', 'NI-0142');
    expect(f.status).toBe('violation');
    expect(f.location).toMatchObject({ file: 'nimes.yaml', line: 2 });
    expect(f.message.fr).toContain('NI-0142');
    expect(f.legal.map((l) => l.article)).toContain('230-20');
  });

  it('is allowed inside the judicial framework', async () => {
    const config = { cameras: [{ id: 'NI-0142', analytics: { appearanceSearch: { enabled: true, framework: 'judicial' as const } } }] };
    expect(findingOf(await evaluate(config, { asOf: '2026-01-15' }), 'no-appearance-search').status).toBe('pass');
  });
});

describe('missing facts give undetermined, naming them', () => {
  it('names publicRoad when it is not stated for authorization-covers-camera', async () => {
    const config = { authorizations: [{ reference: 'A', kind: 'standard', issued: '2021-01-04', cameras: ['CAM-1'] }], cameras: [{ id: 'CAM-1', commissioned: '2021-02-01' }] };
    const f = findingOf(await evaluate(config, { asOf: '2026-01-15' }), 'authorization-covers-camera');
    expect(f.status).toBe('undetermined');
    expect(f.missing).toEqual(['/cameras/0/publicRoad']);
  });

  it('names the commissioning date, and the issue date of the covering act where it sits', async () => {
    const config = {
      authorizations: [
        { reference: 'OTHER', kind: 'standard', issued: '2020-01-01', cameras: ['CAM-9'] },
        { reference: 'A', kind: 'standard', cameras: ['CAM-1'] },
      ],
      cameras: [{ id: 'CAM-1', publicRoad: true }, { id: 'CAM-9', publicRoad: true }],
    };
    const r = await evaluate(config, { asOf: '2026-01-15' });
    const f = findingOf(r, 'authorization-covers-camera', 'CAM-1');
    expect(f.status).toBe('undetermined');
    expect(f.missing).toEqual(expect.arrayContaining(['/authorizations/1/issued']));
    expect(findingOf(r, 'authorization-covers-camera', 'CAM-9').missing).toEqual(['/cameras/1/commissioned']);
  });

  it('is a violation, not undetermined, when no act covers a public-road camera, whatever its dates', async () => {
    const config = { authorizations: [{ reference: 'A', kind: 'standard', issued: '2021-01-04', cameras: ['CAM-1'] }], cameras: [{ id: 'CAM-1', publicRoad: false }, { id: 'CAM-2', publicRoad: true }] };
    const f = findingOf(await evaluate(config, { asOf: '2026-01-15' }), 'authorization-covers-camera', 'CAM-2');
    expect(f.status).toBe('violation');
    expect(f.evidence[0]).toMatchObject({ condition: 'covered-by-an-authorization', actual: 0 });
  });

  it('names the authorization retention and automatic deletion when they are not stated', async () => {
    const config = { recording: { retention: { days: 20 } }, authorizations: [{ reference: 'A', cameras: 'all' as const }], cameras: [{ id: 'CAM-1' }] };
    const r = await evaluate(config, { asOf: '2026-01-15' });
    expect(findingOf(r, 'retention-within-authorization')).toMatchObject({ status: 'undetermined', missing: ['/authorizations/0/retention'] });
    expect(findingOf(r, 'recordings-auto-deleted')).toMatchObject({ status: 'undetermined', missing: ['/recording/automaticDeletion'] });
  });
});

describe('retention against the authorization', () => {
  const base = {
    recording: { retention: { months: 1 } },
    authorizations: [{ reference: 'A', kind: 'standard' as const, issued: '2021-01-04', retention: { days: 30 }, cameras: 'all' as const }],
    cameras: [{ id: 'CAM-1' }],
  };

  it('converts months with the month-counting parameter', async () => {
    expect(findingOf(await evaluate(base, { asOf: '2026-01-15' }), 'retention-within-authorization').status).toBe('pass');
    const calendar = await evaluate(base, { asOf: '2026-01-15', parameterChoices: { 'month-counting': 'calendar' } });
    expect(findingOf(calendar, 'retention-within-authorization').status).toBe('violation'); // 15 Jan → 15 Feb is 31 days
  });

  it('uses the act the camera names rather than one listing all cameras', async () => {
    const config = {
      ...base,
      authorizations: [...base.authorizations, { reference: 'B', kind: 'standard' as const, issued: '2022-01-04', retention: { days: 10 } }],
      cameras: [{ id: 'CAM-1', authorization: 'B' }],
    };
    const f = findingOf(await evaluate(config, { asOf: '2026-01-15' }), 'retention-within-authorization');
    expect(f.status).toBe('violation');
    expect(f.message.en).toContain('authorization B sets at most 10 days');
  });
});

describe('before the decree listing the events', () => {
  it('no event may be detected yet', async () => {
    const r = await evaluate(liveDetection, { asOf: '2023-07-01' });
    const f = findingOf(r, 'algorithmic-detection-lawful');
    expect(f.status).toBe('violation');
    expect(f.evidence.map((e) => e.condition)).toContain('only-listed-events');
  });
});
