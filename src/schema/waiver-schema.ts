/** JSON Schema of the `waivers` given to evaluate(): closed, so a misspelt key is an error, not a waiver that never matches. */
export const waiverSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rule', 'target', 'justification', 'approvedBy', 'expires'],
  properties: {
    rule: { type: 'string', minLength: 1 },
    target: { type: 'string', minLength: 1 },
    justification: { type: 'string', minLength: 1 },
    approvedBy: { type: 'string', minLength: 1 },
    expires: { type: 'string', format: 'date' },
    file: { type: 'string', minLength: 1 },
  },
} as const;

export const waiversSchema = {
  $id: 'https://vigie.dev/schemas/waivers.json',
  type: 'array',
  items: waiverSchema,
} as const;
