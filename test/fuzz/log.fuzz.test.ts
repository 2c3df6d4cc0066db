// FUZZ SUITE FOR LOG READING — to be written with `vigie audit` (built on another branch).
// When the audit log reader lands, fuzz it here like the other entry points (test/fuzz/fuzz.ts):
// at least RUNS generated logs (valid lines from the log format, mutated lines, invalid UTF-8,
// CRLF, a 10 MB line, millions of lines streamed), asserting a report or VigieInputError of kind
// 'log' with file:line for every rejected line, no line silently skipped, and the bounded line
// length documented in docs/security.md.
import { describe, it } from 'vitest';

describe('fuzz: audit logs', () => {
  it.todo('audit log reader: every line gives an event or a located error (with `vigie audit`)');
  it.todo('a 10 MB log line is refused by a documented line-length limit, with its line number');
});
