import type { Report } from '../types.js';

/** The report exactly as the library returns it, indented. */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Findings per piece of formatJsonChunks: pieces of a megabyte or two. */
const FINDINGS_PER_CHUNK = 1000;

/**
 * formatJson's text in pieces that join to exactly that text, so that a report too large for one
 * string (the full report of 100,000 cameras is over a gigabyte of JSON, beyond the longest string
 * V8 makes) can be written out piece by piece. Each finding is written as JSON.stringify writes it
 * at its depth: its own text, each line indented four more spaces (a JSON text has no newline
 * inside a string, where one is written `\n`).
 */
export function* formatJsonChunks(report: Report): Generator<string> {
  const record = report as unknown as Record<string, unknown>;
  let first = true;
  let out = '{';
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (key === 'findings' && Array.isArray(value) && !hasToJSON(value)) {
      out += `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
      first = false;
      if (value.length === 0) {
        out += '[]';
        continue;
      }
      out += '[';
      for (let i = 0; i < value.length; i++) {
        // An element JSON.stringify cannot write (undefined, a function) is written null in a list.
        const text = JSON.stringify(value[i], null, 2) ?? 'null';
        out += `${i === 0 ? '' : ','}\n    ${indent(text, '    ')}`;
        if ((i + 1) % FINDINGS_PER_CHUNK === 0) {
          yield out;
          out = '';
        }
      }
      out += '\n  ]';
      continue;
    }
    const text = JSON.stringify(value, null, 2);
    if (text === undefined) continue; // a key JSON.stringify leaves out (undefined, a function)
    out += `${first ? '' : ','}\n  ${JSON.stringify(key)}: ${indent(text, '  ')}`;
    first = false;
  }
  yield `${out}${first ? '' : '\n'}}\n`;
}

const indent = (text: string, by: string) => (text.includes('\n') ? text.replace(/\n/g, `\n${by}`) : text);

const hasToJSON = (v: object) => typeof (v as { toJSON?: unknown }).toJSON === 'function';
