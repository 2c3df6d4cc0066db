import { VigieInputError } from '../errors.js';
import type { LogItem } from './log-lines.js';

// The logs given to auditLog and auditLogs, checked as they arrive from JavaScript, where the
// types are not enforced: a wrong shape is a usage error saying what was expected, never a
// TypeError deep inside, nor a string read one character at a time as if each were a line.

const LINES_EXPECTED =
  "an iterable or async iterable of { line, text } or { line, event } items, e.g. text.split('\\n').map((text, i) => ({ line: i + 1, text })), or readLines(file) from vigie/node";
const ITEM_EXPECTED = '{ line, text } (a line of JSON Lines or CSV text) or { line, event } (an event already parsed)';

const usage = (message: string, expected: string) => new VigieInputError('usage', [{ code: 'usage', message, expected }]);

/** What a value is, for a message: `a string`, `bytes`, `null`, `an object`… */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (v instanceof String) return 'a string';
  if (ArrayBuffer.isView(v)) return 'bytes (a Buffer or typed array)';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Throws unless `lines` can be read one item at a time; text and bytes are refused, not read character by character. */
export function checkLogLines(lines: unknown, name: string): void {
  const readable =
    typeof lines === 'object' &&
    lines !== null &&
    !(lines instanceof String) &&
    !ArrayBuffer.isView(lines) &&
    (typeof (lines as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' || typeof (lines as Iterable<unknown>)[Symbol.iterator] === 'function');
  if (!readable) throw usage(`${name} is ${kindOf(lines)}, not a sequence of log lines`, LINES_EXPECTED);
}

/** Throws unless `logs` is an array of `{ file?, format?, lines }`, before any of them is read. */
export function checkLogInputs(logs: unknown): void {
  if (!Array.isArray(logs)) throw usage(`the logs are ${kindOf(logs)}, not an array`, `an array of { file?, format?, lines }, lines being ${LINES_EXPECTED}`);
  logs.forEach((log: unknown, i) => {
    if (typeof log !== 'object' || log === null || Array.isArray(log)) throw usage(`logs[${i}] is ${kindOf(log)}`, '{ file?, format?, lines }');
    const { format, lines } = log as Record<string, unknown>;
    if (format !== undefined && format !== 'jsonl' && format !== 'csv') throw usage(`log format ${JSON.stringify(format)} is not known`, 'jsonl or csv');
    checkLogLines(lines, `logs[${i}].lines`);
  });
}

/** Throws unless the `n`th item read from a log's lines is a log item (a stream's raw chunks are not). */
export function checkLogItem(item: unknown, n: number, file: string | undefined): asserts item is LogItem {
  const i = item as Record<string, unknown> | null;
  const valid =
    typeof i === 'object' &&
    i !== null &&
    typeof i.line === 'number' &&
    ('error' in i ? typeof i.error === 'object' && i.error !== null : 'event' in i || typeof i.text === 'string');
  if (!valid) throw usage(`item ${n} of the lines${file !== undefined ? ` of ${file}` : ''} is ${kindOf(item)}, not a log line`, ITEM_EXPECTED);
}
