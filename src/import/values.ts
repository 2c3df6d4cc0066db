import { format, isValid, parse } from 'date-fns';

/**
 * Reading the values of French open-data inventories: text with HTML entities left by web
 * forms, numbers with decimal commas and zero padding, day-first dates, and words that mean
 * "unknown".
 */

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** Text as a person would read it: HTML entities decoded, blanks collapsed, trimmed. Empty → undefined. */
export function cleanText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return undefined;
  const decoded = String(value).replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  const text = decoded.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** Words French inventories use for "we don't know". Compared without accents or case. */
const UNKNOWN_WORDS = new Set(['inconnu', 'inconnue', 'non renseigne', 'non renseignee', 'nr', 'nc', 'n/c', 'n/a', 'na', 'nd', 'n/d', 'non communique', 'non connu', 'sans objet', '?', '-', '--']);

/** Lower case, without accents: for comparing column names and words. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function meansUnknown(text: string): boolean {
  return UNKNOWN_WORDS.has(fold(text).replace(/\s+/g, ' ').trim());
}

/**
 * A number, from a JSON number or from text such as " 00000046,1645193" or "-1.15": French
 * decimal comma, zero padding and surrounding blanks accepted; anything else is not a number.
 */
export function parseDecimal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, '');
  if (!/^[+-]?\d+([.,]\d+)?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

export type DateReading = { date: string } | { unknown: true } | { invalid: string };

/** Two-digit years are read within 1950–2049: cameras were not commissioned before video-protection law (1995). */
const TWO_DIGIT_YEAR_REFERENCE = new Date(2000, 0, 1);

/**
 * A calendar date as YYYY-MM-DD from what French sources write: `08/07/16`, `8/7/2016`,
 * `08-07-2016`, `08.07.2016` (day first), ISO `2016-07-08` or an ISO date-time.
 */
export function parseFrenchDate(value: unknown): DateReading {
  const text = cleanText(value);
  if (text === undefined || meansUnknown(text)) return { unknown: true };
  let parsed: Date | undefined;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (dayFirst) {
    const normalised = `${dayFirst[1]}/${dayFirst[2]}/${dayFirst[3]}`;
    parsed = parse(normalised, dayFirst[3]!.length === 2 ? 'd/M/yy' : 'd/M/yyyy', TWO_DIGIT_YEAR_REFERENCE);
  } else if (iso) {
    parsed = parse(iso[1]!, 'yyyy-MM-dd', TWO_DIGIT_YEAR_REFERENCE);
  } else {
    return { invalid: `"${text}" is not a date (expected DD/MM/YYYY, DD/MM/YY or YYYY-MM-DD)` };
  }
  if (!isValid(parsed)) return { invalid: `"${text}" is not an existing date` };
  return { date: format(parsed, 'yyyy-MM-dd') };
}

export type CommuneReading = { insee: string } | { unknown: true } | { invalid: string };

/** An INSEE commune code (5 characters, Corsica 2A/2B); a number loses its leading zero in spreadsheets, so 1004 is 01004. */
export function parseInseeCode(value: unknown): CommuneReading {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 100000) return { insee: String(value).padStart(5, '0') };
  const text = cleanText(value);
  if (text === undefined || meansUnknown(text)) return { unknown: true };
  const code = /^\d{4}$/.test(text) ? `0${text}` : text.toUpperCase();
  if (/^[0-9][0-9AB][0-9]{3}$/.test(code)) return { insee: code };
  return { invalid: `"${text}" is not an INSEE commune code (5 characters, e.g. 17300)` };
}
