import { describe, expect, it } from 'vitest';
import { evaluate, type Deployment, type Finding } from '../src/index.js';

async function findingsOf(ruleId: string, config: Deployment, asOf: string, packs = ['fr-law']): Promise<Finding[]> {
  const report = await evaluate(config, { asOf, packs });
  return report.findings.filter((f) => f.ruleId === ruleId);
}

const operatorWith = (habilitation: Record<string, string> | undefined): Deployment => ({
  roles: [{ id: 'operator', kind: 'csu-operator', permissions: ['live-view', 'replay'] }],
  users: [{ id: 'op-01', role: 'operator', individuallyDesignated: true, ...(habilitation ? { habilitation } : {}) }],
});

describe('viewers-habilitated', () => {
  const expiring = operatorWith({ reference: 'ARR-2023-041', grantedBy: 'Maire', from: '2023-12-01', until: '2025-06-30' });

  it('flags a habilitation that ended before asOf, pointing at its end date', async () => {
    const [f] = await findingsOf('viewers-habilitated', expiring, '2026-01-15');
    expect(f).toMatchObject({ status: 'violation', targetId: 'op-01', pointer: '/users/0' });
    expect(f!.evidence).toEqual([expect.objectContaining({ pointer: '/users/0/habilitation/until', actual: '2025-06-30', expected: '2026-01-15' })]);
  });

  it('passes the same deployment as of a date when the habilitation was in force', async () => {
    const [f] = await findingsOf('viewers-habilitated', expiring, '2025-03-01');
    expect(f!.status).toBe('pass');
  });

  it('flags a habilitation that has not started yet', async () => {
    const [f] = await findingsOf('viewers-habilitated', operatorWith({ reference: 'ARR-2026-002', from: '2026-03-01' }), '2026-01-15');
    expect(f!.status).toBe('violation');
  });

  it('is undetermined, naming the missing fields, when no habilitation is stated', async () => {
    const [f] = await findingsOf('viewers-habilitated', operatorWith(undefined), '2026-01-15');
    expect(f!.status).toBe('undetermined');
    expect(f!.missing).toEqual(['/users/0/habilitation/reference', '/users/0/habilitation/from']);
    expect(f!.message.en).toContain('/users/0/habilitation/from');
  });

  it('counts image access granted to the user personally, beyond the role', async () => {
    const config: Deployment = {
      roles: [{ id: 'maintenance', kind: 'technician', permissions: ['administration'] }],
      users: [{ id: 'tech-01', role: 'maintenance' }, { id: 'tech-02', role: 'maintenance', permissions: ['export'], individuallyDesignated: false }],
    };
    const statuses = (await findingsOf('viewers-habilitated', config, '2026-01-15')).map((f) => [f.targetId, f.status]);
    expect(statuses).toEqual([
      ['tech-01', 'not-applicable'],
      ['tech-02', 'violation'],
    ]);
  });
});

describe('replay by CSU operators: lawful, but not Metz practice', () => {
  const config: Deployment = {
    roles: [{ id: 'operator', kind: 'csu-operator', permissions: ['live-view', 'replay'] }],
    users: [{ id: 'op-01', role: 'operator' }],
  };

  it('passes fr-law replay-restricted', async () => {
    const [f] = await findingsOf('replay-restricted', config, '2026-01-15');
    expect(f!.status).toBe('pass');
  });

  it('violates strict replay-judicial-police-only, citing the role kind', async () => {
    const [f] = await findingsOf('replay-judicial-police-only', config, '2026-01-15', ['strict']);
    expect(f!.status).toBe('violation');
    expect(f!.severity).toBe('error');
    expect(f!.evidence[0]).toMatchObject({ pointer: '/roles/0/kind', actual: 'csu-operator', expected: ['judicial-police'] });
  });

  it('names the missing role of a user who may replay', async () => {
    const [f] = await findingsOf('replay-judicial-police-only', { users: [{ id: 'u-01', permissions: ['replay'] }] }, '2026-01-15', ['strict']);
    expect(f!.status).toBe('undetermined');
    expect(f!.missing).toEqual(['/users/0/role']);
  });
});

describe('municipal-territorial-scope', () => {
  const mayorReachingTwoCommunes: Deployment = {
    communes: [{ insee: '30189' }, { insee: '30028' }],
    roles: [{ id: 'elected', kind: 'mayor', permissions: ['live-view'] }],
    users: [{ id: 'mayor-b', role: 'elected', communes: ['30028', '30189'], competentCommunes: ['30028'] }],
  };

  it('limits mayors since R253-3 of 2023, and only municipal police before', async () => {
    const [after] = await findingsOf('municipal-territorial-scope', mayorReachingTwoCommunes, '2026-01-15');
    const [before] = await findingsOf('municipal-territorial-scope', mayorReachingTwoCommunes, '2022-06-01');
    expect(after!.status).toBe('violation');
    expect(before!.status).toBe('not-applicable');
  });

  it('is undetermined on a shared CSU when the account perimeter is not stated', async () => {
    const config: Deployment = { ...mayorReachingTwoCommunes, users: [{ id: 'mayor-b', role: 'elected', competentCommunes: ['30028'] }] };
    const [f] = await findingsOf('municipal-territorial-scope', config, '2026-01-15');
    expect(f!.status).toBe('undetermined');
    expect(f!.missing).toEqual(['/roles/0/communes', '/users/0/communes']);
  });
});

describe('public-signage', () => {
  it('is a violation when one required item is stated absent, even if others are not stated', async () => {
    const [f] = await findingsOf('public-signage', { signage: { posted: true, pictogram: false } }, '2026-01-15');
    expect(f!.status).toBe('violation');
    expect(f!.evidence[0]).toMatchObject({ pointer: '/signage', actual: ['pictogram'] });
  });

  it('requires the controller, purposes and rights only from the instruction of 20 March 2024', async () => {
    const oldSigns: Deployment = { signage: { posted: true, pictogram: true } };
    expect((await findingsOf('public-signage', oldSigns, '2024-03-19'))[0]!.status).toBe('pass');
    const [after] = await findingsOf('public-signage', oldSigns, '2024-03-20');
    expect(after!.status).toBe('undetermined');
    expect(after!.missing).toEqual(['/signage/controllerIdentity', '/signage/purposes', '/signage/rightsContact']);
  });
});

describe('export-requires-requisition', () => {
  it('does not apply when nobody can export and no export policy is stated', async () => {
    const roles = [{ id: 'op', kind: 'csu-operator', permissions: ['live-view'] }];
    const [f] = await findingsOf('export-requires-requisition', { roles, users: [{ id: 'op-01', role: 'op' }] }, '2026-01-15');
    expect(f!.status).toBe('not-applicable');
  });

  it('cannot tell whether anyone may export when no user is listed', async () => {
    const roles = [{ id: 'op', kind: 'csu-operator', permissions: ['live-view'] }];
    const [f] = await findingsOf('export-requires-requisition', { roles }, '2026-01-15');
    expect(f!.status).toBe('undetermined');
    expect(f!.missing).toEqual(['/users']);
  });

  it('refuses an empty list of legal bases', async () => {
    const config: Deployment = { roles: [{ id: 'opj', kind: 'judicial-police', permissions: ['export'] }], exports: { requisitionRequired: true, legalBases: [] } };
    const [f] = await findingsOf('export-requires-requisition', config, '2026-01-15');
    expect(f!.status).toBe('violation');
  });
});
