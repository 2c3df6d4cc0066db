/** One waiver, as written in a waivers file. */
const waiverEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['rule', 'target', 'justification', 'approvedBy', 'expires'],
  properties: {
    rule: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', description: 'The id of the rule waived.' },
    target: { type: 'string', minLength: 1, description: 'JSON Pointer of the target (/cameras/3) or its id (a camera id).' },
    file: { type: 'string', minLength: 1, description: 'Restricts the waiver to one deployment file, as named on the command line.' },
    justification: { type: 'string', minLength: 10, description: 'Why the finding is accepted: what compensates for it, which decision allows it.' },
    approvedBy: { type: 'string', minLength: 1, description: 'Who accepted it (a name and role).' },
    expires: { type: 'string', format: 'date', description: 'The last day the waiver applies, YYYY-MM-DD.' },
  },
} as const;

/**
 * The `waivers` option of evaluate(): the same entries, closed so that a misspelt key is an error
 * rather than a waiver that never matches; a waiver read from a file also carries its location.
 */
export const waiverListSchema = {
  type: 'array',
  items: {
    ...waiverEntry,
    properties: {
      ...waiverEntry.properties,
      location: {
        type: 'object',
        additionalProperties: false,
        required: ['line', 'column'],
        properties: { file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' } },
      },
    },
  },
} as const;

/** JSON Schema of a waivers file (`vigie check --waivers FILE`). Closed, like every input of vigie. */
export const waiversSchema = {
  $id: 'https://vigie.dev/schemas/waivers.json',
  type: 'object',
  additionalProperties: false,
  required: ['waivers'],
  properties: {
    waivers: { type: 'array', items: waiverEntry },
  },
} as const;
