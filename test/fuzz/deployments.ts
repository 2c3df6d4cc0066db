// Deployments for the fuzz suites: valid ones derived from the deployment schema, made
// consistent (unique ids, references that resolve), and hostile ones mutated from those.
import fc from 'fast-check';
import { deploymentSchema } from '../../src/index.js';
import { applyMutations, fromSchema, mutationArb } from './arbitraries.js';

type Item = Record<string, unknown>;

/** Unique ids and references that name something, as the integrity checks require. */
export function makeConsistent(raw: unknown): Record<string, unknown> {
  const d = raw as Record<string, unknown>;
  const list = (k: string) => (Array.isArray(d[k]) ? (d[k] as Item[]) : []);
  list('cameras').forEach((c, i) => (c.id = `CAM-${i}`));
  list('authorizations').forEach((a, i) => (a.reference = `AP-${i}`));
  list('roles').forEach((r, i) => (r.id = `role-${i}`));
  list('users').forEach((u, i) => (u.id = `user-${i}`));
  const refs = list('authorizations').map((a) => a.reference as string);
  list('cameras').forEach((c, i) => {
    if ('authorization' in c) {
      if (refs.length) c.authorization = refs[i % refs.length];
      else delete c.authorization;
    }
  });
  const cams = list('cameras').map((c) => c.id as string);
  list('authorizations').forEach((a) => {
    if (Array.isArray(a.cameras)) a.cameras = cams.slice(0, a.cameras.length);
  });
  const roles = list('roles').map((r) => r.id as string);
  list('users').forEach((u, i) => {
    if ('role' in u) {
      if (roles.length) u.role = roles[i % roles.length];
      else delete u.role;
    }
  });
  return d;
}

export const validDeployment: fc.Arbitrary<Record<string, unknown>> = fromSchema(deploymentSchema as never).map(makeConsistent);

/** A deployment with one to three mutations: each may make it invalid, or leave it valid. */
export const mutatedDeployment: fc.Arbitrary<unknown> = fc
  .tuple(validDeployment, fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
  .map(([d, m]) => applyMutations(d, m));

/** Valid and hostile deployments, half and half, plus a few things that are no deployment at all. */
export const anyDeployment: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validDeployment, weight: 5 },
  { arbitrary: mutatedDeployment, weight: 5 },
  { arbitrary: fc.constantFrom(null, undefined, 0, '', 'cameras: []', [], [{}], true), weight: 1 },
);
