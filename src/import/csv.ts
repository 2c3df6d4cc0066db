import { VigieInputError } from '../errors.js';
import type { ImportWarning, SourceRecord, SourceTable } from './types.js';

/**
 * A small RFC 4180 reader, written here rather than taken from a library so that it runs in
 * browsers without a Buffer polyfill and knows the physical line of every record (warnings
 * name it). It accepts what French portals publish: `;` or `,` or tab, quoted fields holding
 * delimiters, doubled quotes and newlines, UTF-8 with or without BOM, CRLF or LF.
 */

/** Delimiters tried when none is given, in order of preference on a tie (`;` is the French default). */
export const SNIFFED_DELIMITERS = [';', ',', '\t', '|'] as const;

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvParseResult {
  records: CsvRecord[];
  delimiter: string;
  warnings: ImportWarning[];
}

/** The delimiter that occurs most often outside quotes on the first record (the header). */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(SNIFFED_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: string = SNIFFED_DELIMITERS[0];
  for (const d of SNIFFED_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Splits CSV text into records. Throws a located error on a quote left open (it would swallow the rest of the file). */
export function parseCsv(input: string, options: { delimiter?: string; file?: string } = {}): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new VigieInputError('usage', [{ code: 'usage', message: `the CSV delimiter must be one character other than a quote or a newline, not ${JSON.stringify(delimiter)}` }]);
  }
  const records: CsvRecord[] = [];
  const warnings: ImportWarning[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // A record is pending once anything of it has been read; a final newline does not start one.
  let pending = false;

  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
    pending = false;
  };

  while (i < text.length) {
    const c = text[i]!;
    if (!pending) {
      recordLine = line;
      pending = true;
    }
    if (c === '"' && cell === '') {
      const openedAt = line;
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new VigieInputError('config', [
            { code: 'syntax', message: 'a quoted field is never closed (a quote is missing)', location: { file: options.file, line: openedAt, column: 1 } },
          ]);
        }
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
        cell += q;
        i++;
      }
      // RFC 4180 wants a delimiter or a newline after the closing quote; keep what follows, but say so.
      if (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
        warnings.push({ line, code: 'csv-text-after-quote', message: 'text follows a closing quote; it was kept as part of the field' });
      }
      continue;
    }
    if (c === delimiter) {
      endCell();
      i++;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      cell += c;
      i++;
    }
  }
  if (pending) endRecord();
  return { records, delimiter, warnings };
}

/** A CSV inventory as a table: the first record names the columns, every other one is a row. */
export function readCsvTable(text: string, options: { delimiter?: string; file?: string } = {}): SourceTable {
  const { records, delimiter, warnings } = parseCsv(text, options);
  const header = records[0];
  if (!header || header.cells.every((c) => c.trim() === '')) {
    throw new VigieInputError('config', [{ code: 'empty', message: 'the CSV file has no header line', location: { file: options.file, line: 1, column: 1 }, expected: 'a first line naming the columns' }]);
  }
  const columns = uniqueColumnNames(header.cells, header.line, warnings);
  const out: SourceRecord[] = [];
  let skipped = 0;
  records.slice(1).forEach((record, index) => {
    const row = index + 1;
    const at = { row, line: record.line };
    if (record.cells.every((c) => c.trim() === '')) {
      skipped++;
      warnings.push({ ...at, code: 'empty-row', message: 'empty row, skipped' });
      return;
    }
    if (record.cells.length > columns.length) {
      const extra = record.cells.slice(columns.length).filter((c) => c.trim() !== '');
      if (extra.length > 0) {
        warnings.push({ ...at, code: 'extra-cells', message: `${record.cells.length} cells for ${columns.length} columns; the extra values were not imported: ${extra.map((e) => JSON.stringify(e)).join(', ')}` });
      }
    } else if (record.cells.length < columns.length) {
      warnings.push({ ...at, code: 'missing-cells', message: `${record.cells.length} cells for ${columns.length} columns; the missing ones are read as empty` });
    }
    const values: Record<string, unknown> = {};
    columns.forEach((name, k) => {
      values[name] = record.cells[k] ?? '';
    });
    out.push({ row, line: record.line, values });
  });
  return { columns, records: out, warnings, skipped, delimiter };
}

/** Column names as written, made unique (a repeated name gets `_2`…) and never empty. */
function uniqueColumnNames(cells: string[], line: number, warnings: ImportWarning[]): string[] {
  const seen = new Set<string>();
  return cells.map((raw, k) => {
    let name = raw.trim() || `column_${k + 1}`;
    if (seen.has(name)) {
      let n = 2;
      while (seen.has(`${name}_${n}`)) n++;
      warnings.push({ line, code: 'duplicate-column', message: `column "${name}" appears more than once; column ${k + 1} is read as "${name}_${n}"` });
      name = `${name}_${n}`;
    }
    seen.add(name);
    return name;
  });
}
