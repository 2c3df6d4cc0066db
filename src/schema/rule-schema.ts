/** JSON Schemas of the files under rules/: rules, dated parameters, packs and scopes. Closed. */

const bilingual = {
  type: 'object',
  additionalProperties: false,
  required: ['fr', 'en'],
  properties: { fr: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
} as const;

const date = { type: 'string', format: 'date' } as const;
const kebab = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' } as const;
const pointer = { type: 'string', pattern: '^(/[^/]*)*$' } as const;

export const legalReferenceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'article', 'confidence'],
  properties: {
    source: { type: 'string', minLength: 1 },
    article: { type: 'string', minLength: 1 },
    versionDate: date,
    quote: { type: 'string', minLength: 1 },
    url: { type: 'string', pattern: '^https?://' },
    confidence: { enum: ['C', 'S', 'M', 'U'] },
    note: { type: 'string' },
  },
} as const;

const leaf = {
  type: 'object',
  additionalProperties: false,
  required: ['fact', 'operator', 'value'],
  properties: {
    fact: { type: 'string', minLength: 1 },
    path: pointer,
    operator: { type: 'string', minLength: 1 },
    value: {},
    name: { type: 'string' },
    priority: { type: 'integer', minimum: 1 },
  },
} as const;

const conditionDefs = {
  node: {
    oneOf: [{ $ref: '#/definitions/all' }, { $ref: '#/definitions/any' }, { $ref: '#/definitions/not' }, { $ref: '#/definitions/leaf' }],
  },
  top: { oneOf: [{ $ref: '#/definitions/all' }, { $ref: '#/definitions/any' }, { $ref: '#/definitions/not' }] },
  all: {
    type: 'object',
    additionalProperties: false,
    required: ['all'],
    properties: { all: { type: 'array', minItems: 1, items: { $ref: '#/definitions/node' } }, name: { type: 'string' }, priority: { type: 'integer', minimum: 1 } },
  },
  any: {
    type: 'object',
    additionalProperties: false,
    required: ['any'],
    properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/definitions/node' } }, name: { type: 'string' }, priority: { type: 'integer', minimum: 1 } },
  },
  not: {
    type: 'object',
    additionalProperties: false,
    required: ['not'],
    properties: { not: { $ref: '#/definitions/node' }, name: { type: 'string' }, priority: { type: 'integer', minimum: 1 } },
  },
  leaf,
} as const;

const statuses = { enum: ['violation', 'pass', 'undetermined', 'not-applicable'] } as const;

export const ruleSchema = {
  $id: 'https://vigie.dev/schemas/rule.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'pack', 'title', 'summary', 'severity', 'scope', 'effective', 'conditions', 'messages', 'legal', 'remediation'],
  definitions: conditionDefs,
  properties: {
    id: kebab,
    pack: kebab,
    title: bilingual,
    summary: bilingual,
    severity: { enum: ['error', 'warning', 'info'] },
    scope: kebab,
    effective: {
      type: 'object',
      additionalProperties: false,
      required: ['from'],
      properties: { from: date, until: date },
    },
    facts: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][A-Za-z0-9]*$' },
      additionalProperties: { type: 'object', minProperties: 1, maxProperties: 1 },
    },
    appliesIf: { $ref: '#/definitions/top' },
    conditions: { $ref: '#/definitions/top' },
    messages: {
      type: 'object',
      additionalProperties: false,
      required: ['violation'],
      properties: { violation: bilingual, pass: bilingual, undetermined: bilingual, notApplicable: bilingual },
    },
    legal: { type: 'array', minItems: 1, items: legalReferenceSchema },
    remediation: bilingual,
    notes: bilingual,
    examples: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'expect'],
        properties: {
          file: { type: 'string', pattern: '^[A-Za-z0-9._-]+\\.(ya?ml|json)$' },
          /** For a rule on a streamed scope: the log audited with this deployment (default: the file's name with `.log.jsonl` or `.log.csv`). */
          log: { type: 'string', pattern: '^[A-Za-z0-9._-]+\\.(jsonl|ndjson|csv)$' },
          expect: statuses,
          asOf: date,
          note: { type: 'string' },
        },
      },
    },
    tags: { type: 'array', items: kebab, uniqueItems: true },
    earlier: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][A-Za-z0-9]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'lookup'],
        properties: {
          where: {
            type: 'array',
            minItems: 1,
            items: { type: 'object', additionalProperties: false, required: ['path', 'equals'], properties: { path: pointer, equals: {} } },
          },
          key: pointer,
          lookup: {},
          keep: { enum: ['first', 'last'] },
          limit: { type: 'integer', minimum: 1 },
        },
      },
    },
  },
} as const;

const parameterValue = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'value', 'references'],
  properties: {
    from: date,
    until: date,
    value: {},
    references: { type: 'array', minItems: 1, items: legalReferenceSchema },
    note: { type: 'string' },
  },
} as const;

export const parameterSchema = {
  $id: 'https://vigie.dev/schemas/parameter.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'pack', 'description', 'unit', 'tighterIs', 'values'],
  properties: {
    id: kebab,
    pack: kebab,
    description: bilingual,
    unit: { enum: ['duration', 'days', 'metres', 'date', 'list', 'choice', 'number', 'text'] },
    tighterIs: { enum: ['lower', 'higher', 'earlier', 'later', 'subset', 'none'] },
    values: { type: 'array', minItems: 1, items: parameterValue },
    alternatives: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'description', 'values'],
        properties: { id: kebab, description: bilingual, values: { type: 'array', minItems: 1, items: parameterValue } },
      },
    },
  },
} as const;

export const packSchema = {
  $id: 'https://vigie.dev/schemas/pack.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'description', 'default'],
  properties: {
    id: kebab,
    title: bilingual,
    description: bilingual,
    default: { type: 'boolean' },
    binding: { type: 'boolean' },
    disable: { type: 'array', items: kebab, uniqueItems: true },
  },
} as const;

/**
 * A custom pack's `parameters/<file>.yaml` that tightens a parameter of another pack: its values
 * replace the base values from the first override's `from` on (see docs/custom-packs.md).
 */
export const parameterOverrideSchema = {
  $id: 'https://vigie.dev/schemas/parameter-override.json',
  type: 'object',
  additionalProperties: false,
  required: ['overrides', 'pack', 'values'],
  properties: {
    overrides: kebab,
    pack: kebab,
    description: bilingual,
    values: { type: 'array', minItems: 1, items: parameterValue },
  },
} as const;

export const scopesSchema = {
  $id: 'https://vigie.dev/schemas/scopes.json',
  type: 'object',
  additionalProperties: false,
  required: ['scopes'],
  properties: {
    scopes: {
      type: 'object',
      propertyNames: kebab,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['label'],
        anyOf: [{ required: ['each'], properties: { each: pointer } }, { required: ['source'], properties: { source: kebab } }],
        properties: { each: pointer, source: kebab, id: pointer, defaults: pointer, label: bilingual },
      },
    },
  },
} as const;
