import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { VigieInputError, type InputKind } from '../errors.js';

/** Files larger than this are refused before being read (configurable with VIGIE_MAX_FILE_BYTES). */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export function maxFileBytes(): number {
  const env = Number(process.env.VIGIE_MAX_FILE_BYTES);
  return Number.isFinite(env) && env > 0 ? env : DEFAULT_MAX_FILE_BYTES;
}

/** Reads a UTF-8 text file, refusing missing, oversized or non-UTF-8 files with a located error. */
export function readTextFile(file: string, kind: InputKind, limit = maxFileBytes()): string {
  const at = { file, line: 1, column: 1 };
  const ioError = (e: unknown) =>
    e instanceof VigieInputError ? e : new VigieInputError(kind, [{ code: 'io', message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, location: at }]);
  const tooLarge = (size: number | undefined) =>
    new VigieInputError(kind, [
      {
        code: 'too-large',
        message: `the file is ${size === undefined ? 'longer than' : `${size} bytes, more than`} the limit of ${limit} bytes (set VIGIE_MAX_FILE_BYTES to raise it)`,
        location: at,
        expected: `at most ${limit} bytes`,
      },
    ]);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw ioError(e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new VigieInputError(kind, [{ code: 'io', message: 'is a directory', location: at, expected: 'a file' }]);
    // A regular file's size is known: refuse it before reading a byte.
    if (st.isFile() && st.size > limit) throw tooLarge(st.size);
    // Pipes and devices (/dev/zero, <(…)) have no size: read them, but never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw tooLarge(undefined);
      chunks.push(chunk.subarray(0, n));
    }
    return decodeUtf8(Buffer.concat(chunks, total), file, kind);
  } catch (e) {
    throw ioError(e);
  } finally {
    closeSync(fd);
  }
}

const READ_CHUNK = 1 << 20;

export function decodeUtf8(bytes: Uint8Array, file: string | undefined, kind: InputKind): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let column = 1;
    const bad = firstInvalidUtf8(bytes);
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 10) {
        line++;
        column = 1;
      } else if ((bytes[i]! & 0xc0) !== 0x80) column++;
    }
    throw new VigieInputError(kind, [{ code: 'encoding', message: 'the file is not valid UTF-8', location: { file, line, column }, expected: 'UTF-8 text' }]);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >> 5 === 0x6 ? 2 : b >> 4 === 0xe ? 3 : b >> 3 === 0x1e ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return bytes.length;
}
