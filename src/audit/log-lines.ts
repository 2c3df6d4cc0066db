import { logEventSchema, type LogEvent } from '../schema/log-event-schema.js';
import { validateAgainst } from '../schema/validate.js';
import type { SkippedLine } from '../types.js';
import { CsvRows, type CsvHeaderProblem } from './csv.js';

export type LogFormat = 'jsonl' | 'csv';

/** One line of a log as read: its number (from 1) and its text without the line break. */
export interface LogLine {
  line: number;
  text: string;
}

/** An event already parsed by the caller (from a database, say), with the line it stands for. */
export interface ParsedLogLine {
  line: number;
  event: unknown;
}

/**
 * Why a line of a log is skipped: not JSON or not CSV, not a valid event, not UTF-8, longer than
 * the reader's limit. Skipped lines are counted and reported, not thrown (test/error-codes.test.ts
 * triggers each of these separately from thrown codes).
 */
export const SKIPPED_LINE_CODES = ['syntax', 'schema', 'encoding', 'too-long'] as const;
export type SkippedLineCode = (typeof SKIPPED_LINE_CODES)[number];

/** A line the reader could not turn into text (bad encoding, too long): reported as skipped. */
export interface UnreadableLogLine {
  line: number;
  error: { code: SkippedLineCode; message: string };
}

export type LogItem = LogLine | ParsedLogLine | UnreadableLogLine;

/** What a line gave: an event, nothing (blank or header), or a reason to skip it. */
export type LineOutcome = { kind: 'event'; event: LogEvent } | { kind: 'blank' } | { kind: 'header' } | { kind: 'skip'; skipped: SkippedLine };

/** Turns the lines of one log into events, validating each against the log-event schema. */
export class LogLineReader {
  private csv: CsvRows | undefined;

  constructor(
    readonly format: LogFormat,
    private readonly onHeaderProblem: (line: number, problem: CsvHeaderProblem) => never,
  ) {}

  read(item: LogItem): LineOutcome {
    if ('error' in item) return skip(item.line, item.error.code, item.error.message);
    if ('event' in item) return this.validated(item.line, item.event);
    const text = item.line === 1 && item.text.charCodeAt(0) === 0xfeff ? item.text.slice(1) : item.text;
    if (text.trim() === '') return { kind: 'blank' };
    if (this.format === 'csv') {
      if (!this.csv) {
        const rows = CsvRows.fromHeader(text);
        if (!(rows instanceof CsvRows)) this.onHeaderProblem(item.line, rows);
        this.csv = rows;
        return { kind: 'header' };
      }
      const row = this.csv.toEvent(text);
      if ('error' in row) return skip(item.line, 'syntax', `invalid CSV row: ${row.error}`);
      return this.validated(item.line, row.event);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return skip(item.line, 'syntax', `invalid JSON: ${(e instanceof Error ? e.message : String(e)).replace(/ in JSON at position \d+.*$/, '')}`);
    }
    return this.validated(item.line, data);
  }

  private validated(line: number, data: unknown): LineOutcome {
    const issues = validateAgainst(logEventSchema, data);
    if (issues.length === 0) return { kind: 'event', event: data as LogEvent };
    const i = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return skip(line, 'schema', `${i.pointer ? `${i.pointer}: ` : ''}${i.message}${i.expected ? `; expected ${i.expected}` : ''}${more}`);
  }
}

const skip = (line: number, code: SkippedLineCode, message: string): LineOutcome => ({ kind: 'skip', skipped: { line, code, message } });

/** The log format a file name implies: `.jsonl`/`.ndjson` are JSON Lines, `.csv` is CSV. */
export function logFormatFromName(file: string): LogFormat | undefined {
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  if (/\.csv$/i.test(file)) return 'csv';
  return undefined;
}
