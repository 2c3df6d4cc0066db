import { logEventSchema } from '../schema/log-event-schema.js';

/**
 * CSV access logs. The first row names the columns; a column is a field of the log-event schema,
 * nested fields joined by a dot (`requisition.reference`). Lists (`cameras`) hold their items
 * separated by `|`. Fields are separated by `,` (or `;`, as French spreadsheets write, detected
 * from the header); a field may be quoted with `"` (`""` for a quote inside) but may not span
 * lines, so that every row is one line and every finding names its line. An empty cell is a
 * field the event does not state.
 */
export const CSV_LIST_SEPARATOR = '|';

interface Column {
  name: string;
  path: string[];
  list: boolean;
}

/** Every column a CSV log may have, derived from the log-event schema. */
export function csvColumns(): Column[] {
  const out: Column[] = [];
  const walk = (properties: Record<string, { type?: string; properties?: Record<string, unknown> }>, path: string[]) => {
    for (const [key, schema] of Object.entries(properties)) {
      if (schema.type === 'object' && schema.properties) walk(schema.properties as never, [...path, key]);
      else out.push({ name: [...path, key].join('.'), path: [...path, key], list: schema.type === 'array' });
    }
  };
  walk(logEventSchema.properties as never, []);
  return out;
}

/** Splits one CSV line into fields; a string saying what is wrong if it cannot. */
export function splitCsvLine(line: string, separator: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) return 'unterminated quoted field (a field may not span lines)';
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      if (i < line.length && line[i] !== separator) return `unexpected character after a quoted field at column ${i + 1}`;
      fields.push(value);
    } else {
      const end = line.indexOf(separator, i);
      const value = end < 0 ? line.slice(i) : line.slice(i, end);
      if (value.includes('"')) return `quote inside an unquoted field at column ${i + value.indexOf('"') + 1}`;
      fields.push(value);
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return fields;
    i++; // separator
  }
}

/** A CSV header that could not be used: the log cannot be read at all. */
export interface CsvHeaderProblem {
  column: number;
  message: string;
  expected?: string;
}

/** Reads rows of a CSV log into events, given its header line. */
export class CsvRows {
  readonly separator: string;
  private readonly columns: Column[];

  private constructor(separator: string, columns: Column[]) {
    this.separator = separator;
    this.columns = columns;
  }

  static fromHeader(header: string): CsvRows | CsvHeaderProblem {
    const text = header.charCodeAt(0) === 0xfeff ? header.slice(1) : header;
    const separator = !text.includes(',') && text.includes(';') ? ';' : ',';
    const names = splitCsvLine(text, separator);
    if (typeof names === 'string') return { column: 1, message: `invalid CSV header: ${names}` };
    const known = csvColumns();
    const columns: Column[] = [];
    let column = 1;
    for (const raw of names) {
      const name = raw.trim();
      const c = known.find((k) => k.name === name);
      if (!c) return { column, message: `unknown column "${name}"`, expected: `columns among: ${known.map((k) => k.name).join(', ')}` };
      if (columns.some((x) => x.name === name)) return { column, message: `column "${name}" appears twice` };
      columns.push(c);
      column += raw.length + 1;
    }
    return new CsvRows(separator, columns);
  }

  /** The event of one row, or what is wrong with the row. */
  toEvent(line: string): { event: Record<string, unknown> } | { error: string } {
    const cells = splitCsvLine(line, this.separator);
    if (typeof cells === 'string') return { error: cells };
    if (cells.length !== this.columns.length) return { error: `${cells.length} fields where the header has ${this.columns.length}` };
    const event: Record<string, unknown> = {};
    this.columns.forEach((c, i) => {
      const cell = cells[i]!.trim();
      if (cell === '') return;
      const value = c.list ? cell.split(CSV_LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean) : cell;
      let at = event;
      for (const key of c.path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
      at[c.path[c.path.length - 1]!] = value;
    });
    return { event };
  }
}
