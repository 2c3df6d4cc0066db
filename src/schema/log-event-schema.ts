/**
 * JSON Schema of one event of a CSU's access log (one line of a JSON Lines log, or one row of a
 * CSV log mapped to the same fields). Closed: a misspelt field is an error, reported with the line.
 * Only `time`, `actor` and `action` are required; whatever an event does not state is unknown.
 */

const text = { type: 'string', minLength: 1 } as const;
const dateTime = { type: 'string', format: 'date-time', description: 'ISO 8601 date-time with an offset, e.g. 2026-03-02T14:05:00+01:00.' } as const;

/** What a log can record. The rules say which actions they look at. */
export const LOG_ACTIONS = [
  'live-view',
  'replay',
  'export',
  'ptz',
  'mask-change',
  'deletion',
  'requisition-received',
  'requisition-answered',
] as const;

export type LogAction = (typeof LOG_ACTIONS)[number];

export const logEventSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://vigie.dev/schemas/log-event.json',
  title: 'vigie access-log event',
  type: 'object',
  additionalProperties: false,
  required: ['time', 'actor', 'action'],
  properties: {
    id: { ...text, description: 'Identifier of the event in the source system, if it has one.' },
    time: { ...dateTime, description: 'When the action took place.' },
    actor: { ...text, description: 'Id of the user who acted (a user of the deployment).' },
    action: { enum: LOG_ACTIONS },
    cameras: { type: 'array', items: text, uniqueItems: true, description: 'Ids of the cameras concerned.' },
    footage: {
      type: 'object',
      additionalProperties: false,
      description: 'The recorded time range concerned (replay, export, requisition).',
      properties: { from: dateTime, to: dateTime },
    },
    requisition: {
      type: 'object',
      additionalProperties: false,
      description: 'The requisition the action answers or records.',
      properties: {
        reference: text,
        basis: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', description: 'Legal basis, by the identifiers of the rule packs (e.g. cpp-77-1-1).' },
        issuer: { enum: ['officer', 'magistrate'], description: 'Who issued it: a judicial police officer or a magistrate.' },
        received: { ...dateTime, description: 'When the CSU received it.' },
      },
    },
    recipient: { ...text, description: 'Who received an export (service, officer).' },
    motive: { ...text, description: 'Why the action was taken.' },
    judicialHold: { ...text, description: 'Reference of the judicial procedure under which the footage is kept past the retention.' },
  },
} as const;

/** One access-log event as described by logEventSchema. */
export interface LogEvent {
  id?: string;
  time: string;
  actor: string;
  action: LogAction;
  cameras?: string[];
  footage?: { from?: string; to?: string };
  requisition?: { reference?: string; basis?: string; issuer?: 'officer' | 'magistrate'; received?: string };
  recipient?: string;
  motive?: string;
  judicialHold?: string;
}
