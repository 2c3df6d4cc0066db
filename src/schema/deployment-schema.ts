/**
 * JSON Schema of a deployment file: one CSU's controller, authorizations, cameras, users and
 * practices. Closed everywhere (a misspelt key is an error). Nothing is required beyond what
 * identifies an object: what a file does not state is unknown, never false.
 */

const date = { type: 'string', format: 'date', description: 'A calendar date, YYYY-MM-DD.' } as const;
const text = { type: 'string', minLength: 1 } as const;
const textList = { type: 'array', items: text, uniqueItems: true } as const;

const duration = {
  type: 'object',
  description: 'A duration: days, or calendar months counted date to date.',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    days: { type: 'integer', minimum: 0 },
    months: { type: 'integer', minimum: 0 },
    hours: { type: 'integer', minimum: 0 },
  },
} as const;

const period = {
  type: 'object',
  additionalProperties: false,
  properties: { from: date, until: date },
} as const;

const purposes = {
  type: 'array',
  uniqueItems: true,
  description: 'Purposes, by the identifiers of the purpose list in force (see the rule packs).',
  items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
} as const;

const permissions = {
  type: 'array',
  uniqueItems: true,
  items: { enum: ['live-view', 'replay', 'export', 'ptz', 'mask-edit', 'administration'] },
} as const;

const habilitation = {
  type: 'object',
  additionalProperties: false,
  description: 'The act habilitating a person to view images.',
  properties: {
    reference: text,
    grantedBy: text,
    from: date,
    until: date,
  },
} as const;

const mask = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: text,
    kind: { enum: ['static', 'dynamic'], description: 'dynamic masks follow pan, tilt and zoom.' },
    covers: {
      type: 'array',
      uniqueItems: true,
      items: { enum: ['dwelling-interiors', 'dwelling-entrances', 'facade-above-height', 'private-property', 'other'] },
    },
    aboveHeightMetres: { type: 'number', minimum: 0, description: 'For a facade mask: everything above this height is masked.' },
    irreversible: { type: 'boolean', description: 'Applied at the camera or encoder, so that no recording keeps the masked pixels.' },
    followsPtz: { type: 'boolean' },
  },
} as const;

const eventDetection = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean' },
    mode: { enum: ['real-time', 'statistical', 'recorded-footage'] },
    events: textList,
    authorization: { ...text, description: 'Reference of the act that authorizes this processing.' },
    period,
  },
} as const;

const analytics = {
  type: 'object',
  additionalProperties: false,
  properties: {
    facialRecognition: { type: 'boolean' },
    biometricIdentification: { type: 'boolean' },
    appearanceSearch: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        framework: { enum: ['none', 'judicial'], description: 'judicial: used only in a judicial procedure (CPP 230-20 et seq.).' },
      },
    },
    eventDetection,
    vendor: text,
    product: text,
  },
} as const;

const camera = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: text,
    name: text,
    owner: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: text,
        kind: { enum: ['commune', 'epci', 'syndicat-mixte', 'state', 'transport-operator', 'social-landlord', 'private', 'other-public'] },
        publicAuthority: { type: 'boolean' },
      },
    },
    operator: { ...text, description: 'Who runs the camera day to day (gestionnaire).' },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        address: text,
        placement: text,
        latitude: { type: 'number', minimum: -90, maximum: 90 },
        longitude: { type: 'number', minimum: -180, maximum: 180 },
      },
    },
    commune: { ...text, description: 'INSEE code of the commune where the camera stands.' },
    kind: { enum: ['fixed', 'ptz', 'dome'] },
    commissioned: date,
    publicRoad: { type: 'boolean', description: 'Films the public road (voie publique).' },
    immediateSurroundingsOnly: { type: 'boolean', description: 'Films only the immediate surroundings of its owner’s buildings.' },
    purposes,
    authorization: { ...text, description: 'Reference of the authorization covering this camera, if not listed there.' },
    audio: {
      type: 'object',
      additionalProperties: false,
      properties: { capture: { type: 'boolean' }, broadcast: { type: 'boolean' } },
    },
    inView: {
      type: 'object',
      additionalProperties: false,
      properties: {
        residentialBuildings: { type: 'boolean' },
        dwellingEntrances: { type: 'boolean' },
        erp: { type: 'boolean', description: 'A place open to the public (ERP).' },
      },
    },
    masks: { type: 'array', items: mask },
    retention: duration,
    analytics,
    notes: text,
  },
} as const;

const authorization = {
  type: 'object',
  additionalProperties: false,
  required: ['reference'],
  properties: {
    reference: text,
    kind: { enum: ['standard', 'provisional', 'event'] },
    issuedBy: text,
    issued: date,
    ends: { ...date, description: 'End date stated in the act, if any.' },
    renews: { ...text, description: 'Reference of the earlier authorization this one renews (which then no longer needs to be in force).' },
    event: {
      type: 'object',
      additionalProperties: false,
      properties: { name: text, from: date, until: date },
    },
    retention: duration,
    minimumRetention: duration,
    purposes,
    cameras: {
      oneOf: [
        { const: 'all' },
        { type: 'array', items: text, uniqueItems: true },
      ],
      description: 'Camera ids covered, or "all".',
    },
    covers: {
      type: 'array',
      uniqueItems: true,
      items: { enum: ['video-protection', 'algorithmic-processing'] },
      description: 'What the act authorizes; an act for algorithmic processing is distinct.',
    },
    url: text,
  },
} as const;

const competentCommunesText =
  'INSEE codes of the communes for which the person is competent: the mayor’s commune, the communes where a municipal police officer serves (every commune of the EPCI for an intercommunal service).';

const role = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: text,
    name: text,
    kind: {
      enum: ['csu-operator', 'municipal-police', 'national-police', 'gendarmerie', 'judicial-police', 'mayor', 'technician', 'customs', 'fire-service', 'other'],
    },
    permissions,
    communes: { ...textList, description: 'INSEE codes of the communes whose cameras this role can reach (its access perimeter).' },
    competentCommunes: { ...textList, description: competentCommunesText },
  },
} as const;

const user = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: text,
    name: text,
    role: { ...text, description: 'Id of a role.' },
    individuallyDesignated: { type: 'boolean' },
    habilitation,
    trained: { type: 'boolean' },
    professionalSecrecy: { type: 'boolean', description: 'Bound by a confidentiality undertaking or professional secrecy.' },
    communes: { ...textList, description: 'INSEE codes of communes whose cameras this user can reach beyond those of the role.' },
    competentCommunes: { ...textList, description: `${competentCommunesText} Overrides the role's.` },
    permissions: { ...permissions, description: 'Permissions beyond those of the role.' },
  },
} as const;

export const deploymentSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://vigie.dev/schemas/deployment.json',
  title: 'vigie deployment',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    name: text,
    controller: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: text,
        kind: { enum: ['commune', 'epci', 'syndicat-mixte', 'state', 'other-public', 'private'] },
        siren: { type: 'string', pattern: '^[0-9]{9}$' },
        dpo: {
          type: 'object',
          additionalProperties: false,
          properties: { name: text, email: text, phone: text },
        },
      },
    },
    communes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['insee'],
        properties: { insee: { type: 'string', pattern: '^[0-9][0-9AB][0-9]{3}$' }, name: text, epci: text },
      },
    },
    purposes,
    authorizations: { type: 'array', items: authorization },
    recording: {
      type: 'object',
      additionalProperties: false,
      properties: {
        retention: duration,
        automaticDeletion: { type: 'boolean' },
        retentionJustification: text,
        storage: { enum: ['digital', 'analogue'] },
      },
    },
    cameraDefaults: {
      ...camera,
      required: [],
      properties: (({ id: _id, ...rest }) => rest)(camera.properties),
      description: 'Settings every camera has unless it states its own (merged under each camera).',
    },
    cameras: { type: 'array', items: camera },
    roles: { type: 'array', items: role },
    users: { type: 'array', items: user },
    exports: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requisitionRequired: { type: 'boolean' },
        legalBases: textList,
        registry: { type: 'boolean', description: 'A registry of transmissions is kept.' },
      },
    },
    accessLogging: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        events: { type: 'array', uniqueItems: true, items: { enum: ['live-view', 'replay', 'export', 'ptz', 'mask-change', 'deletion'] } },
        fields: { type: 'array', uniqueItems: true, items: { enum: ['user', 'time', 'motive', 'cameras', 'recipient'] } },
        retention: duration,
      },
    },
    signage: {
      type: 'object',
      additionalProperties: false,
      properties: {
        posted: { type: 'boolean' },
        pictogram: { type: 'boolean' },
        controllerIdentity: { type: 'boolean' },
        purposes: { type: 'boolean' },
        rightsContact: { type: 'boolean' },
        retention: { type: 'boolean' },
        dpoContact: { type: 'boolean' },
        cnilComplaint: { type: 'boolean' },
        website: text,
      },
    },
    dpia: {
      type: 'object',
      additionalProperties: false,
      properties: {
        completed: { type: 'boolean' },
        date,
        dpoOpinion: { type: 'boolean' },
        reference: text,
      },
    },
  },
} as const;
