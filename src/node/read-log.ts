import { createReadStream, statSync } from 'node:fs';
import { auditLogs, type AuditOptions, type LogInput } from '../audit/audit-log.js';
import { logFormatFromName, type LogFormat, type LogItem } from '../audit/log-lines.js';
import type { ConfigInput } from '../evaluate.js';
import { VigieInputError } from '../errors.js';
import type { Report } from '../types.js';

/** Longest line read (1 MiB by default): a longer one is skipped, so one bad line cannot exhaust memory. */
export const DEFAULT_MAX_LOG_LINE_BYTES = 1024 * 1024;

/**
 * The lines of a file, one at a time, whatever its size: the file is streamed, split on `\n`
 * (a trailing `\r` is dropped) and each line decoded as UTF-8 on its own, so that a line with bad
 * bytes is reported by its number rather than silently altered (as a decoding stream would do).
 */
export async function* readLines(file: string, maxLineBytes = DEFAULT_MAX_LOG_LINE_BYTES): AsyncGenerator<LogItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let line = 0;
  const finish = (): LogItem => {
    line++;
    if (tooLong) return { line, error: { code: 'too-long', message: `the line is longer than ${maxLineBytes} bytes` } };
    let bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    try {
      return { line, text: decoder.decode(bytes) };
    } catch {
      return { line, error: { code: 'encoding', message: 'the line is not valid UTF-8' } };
    }
  };
  const add = (part: Buffer) => {
    if (tooLong || part.length === 0) return;
    pendingBytes += part.length;
    if (pendingBytes > maxLineBytes) {
      tooLong = true;
      pending = [];
    } else pending.push(part);
  };
  const ioError = (e: unknown) =>
    new VigieInputError('log', [{ code: 'io', message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, location: { file, line: line + 1, column: 1 } }]);
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
        add(chunk.subarray(start, nl));
        yield finish();
        pending = [];
        pendingBytes = 0;
        tooLong = false;
        start = nl + 1;
      }
      // Copy the tail: the stream may reuse the chunk's memory.
      if (start < chunk.length) add(Buffer.from(chunk.subarray(start)));
    }
  } catch (e) {
    if (e instanceof VigieInputError) throw e;
    throw ioError(e);
  }
  if (pendingBytes > 0 || tooLong) yield finish();
}

/** A log file to audit; its format comes from `format`, else from its extension (.jsonl, .ndjson, .csv). */
export function logFile(file: string, format?: LogFormat): LogInput {
  checkReadable(file);
  const f = format ?? logFormatFromName(file);
  if (!f) {
    throw new VigieInputError('usage', [
      { code: 'usage', message: `cannot tell the format of log "${file}" from its extension`, expected: '.jsonl, .ndjson or .csv, or --log-format jsonl|csv' },
    ]);
  }
  return { file, format: f, lines: readLines(file) };
}

/** Audits log files against a deployment, streaming each: see auditLogs. */
export async function auditLogFiles(config: ConfigInput, files: string[], options: AuditOptions & { format?: LogFormat } = {}): Promise<Report> {
  const { format, ...rest } = options;
  return auditLogs(config, files.map((f) => logFile(f, format)), rest);
}

/** Refuses a missing file or a directory before any log is read, with a located error. */
function checkReadable(file: string): void {
  let directory: boolean;
  try {
    directory = statSync(file).isDirectory();
  } catch (e) {
    throw new VigieInputError('log', [{ code: 'io', message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, location: { file, line: 1, column: 1 } }]);
  }
  if (directory) throw new VigieInputError('log', [{ code: 'io', message: 'is a directory', location: { file, line: 1, column: 1 }, expected: 'a file' }]);
}
