import type { Report } from '../types.js';
import { FINDINGS_PER_PIECE } from './pieces.js';

/** The report exactly as the library returns it, indented. */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

const FINDINGS_OPEN = '{\n  "findings": [';
const FINDINGS_CLOSE = '\n  ]\n}';

/**
 * formatJson's text in pieces that join to exactly that text, so that a report too large for one
 * string (the full report of 100,000 cameras is over a gigabyte of JSON, beyond the longest string
 * V8 makes) can be written out piece by piece.
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
      for (let i = 0; i < value.length; i += FINDINGS_PER_PIECE) {
        // JSON.stringify writes the findings at their depth when they are at that depth in what it
        // writes: a thousand at a time, in an object of the report's shape, whose ends are cut.
        const text = JSON.stringify({ findings: value.slice(i, i + FINDINGS_PER_PIECE) }, null, 2);
        out += `${i === 0 ? '' : ','}${text.slice(FINDINGS_OPEN.length, text.length - FINDINGS_CLOSE.length)}`;
        yield out;
        out = '';
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
