import type { IntegrityConstraints } from './integrity.js';

/** What a deployment's parts must agree on, beyond its schema. */
export const deploymentIntegrity: IntegrityConstraints = {
  unique: [
    { collection: '/cameras', key: '/id', what: 'camera id' },
    { collection: '/authorizations', key: '/reference', what: 'authorization reference' },
    { collection: '/roles', key: '/id', what: 'role id' },
    { collection: '/users', key: '/id', what: 'user id' },
  ],
  references: [
    { from: '/cameras', path: '/authorization', to: '/authorizations', key: '/reference', what: 'authorization' },
    { from: '/authorizations', path: '/cameras', to: '/cameras', key: '/id', what: 'camera', except: ['all'] },
    { from: '/authorizations', path: '/renews', to: '/authorizations', key: '/reference', what: 'authorization' },
    { from: '/users', path: '/role', to: '/roles', key: '/id', what: 'role' },
  ],
};
