import { describe, expect, it } from 'vitest';
import { VigieInputError, cleanText, parseCsv, parseDecimal, parseFrenchDate, parseInseeCode, sniffDelimiter } from '../src/index.js';

describe('CSV reader', () => {
  it('reads quoted fields holding delimiters, doubled quotes and newlines, and knows the line of each record', () => {
    const { records, delimiter } = parseCsv('a;b\r\n"x;y";"say ""hi"""\r\n"multi\r\nline";z\r\nlast;\r\n');
    expect(delimiter).toBe(';');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;y', 'say "hi"'] },
      { line: 3, cells: ['multi\r\nline', 'z'] },
      { line: 5, cells: ['last', ''] },
    ]);
  });

  it('strips a BOM, accepts LF and a missing final newline, and keeps empty fields', () => {
    expect(parseCsv('\ufeffid,nom\n1,,\n2,b').records).toEqual([
      { line: 1, cells: ['id', 'nom'] },
      { line: 2, cells: ['1', '', ''] },
      { line: 3, cells: ['2', 'b'] },
    ]);
  });

  it('sniffs the delimiter from the header, outside quotes', () => {
    expect(sniffDelimiter('"a;b",c,d\n1;2;3;4')).toBe(',');
    expect(sniffDelimiter('a;b;c\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n')).toBe('\t');
    expect(sniffDelimiter('id\n1\n')).toBe(';');
  });

  it('uses the delimiter it is given', () => {
    expect(parseCsv('a,b;c\n', { delimiter: ';' }).records[0]!.cells).toEqual(['a,b', 'c']);
  });

  it('refuses a quote left open, naming the line it opened on', () => {
    try {
      parseCsv('id;nom\n1;ok\n2;"never closed\n3;x\n', { file: 'bad.csv' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VigieInputError);
      expect((e as VigieInputError).issues[0]).toMatchObject({ location: { file: 'bad.csv', line: 3 }, message: expect.stringContaining('never closed') });
    }
  });

  it('keeps text after a closing quote but warns', () => {
    const { records, warnings } = parseCsv('a\n"x"y\n');
    expect(records[1]!.cells).toEqual(['xy']);
    expect(warnings).toEqual([expect.objectContaining({ line: 2, code: 'csv-text-after-quote' })]);
  });
});

describe('French values', () => {
  it('reads decimal commas, zero padding and blanks', () => {
    expect(parseDecimal(' 00000046,1645193')).toBe(46.1645193);
    expect(parseDecimal('-00000001,1500341')).toBe(-1.1500341);
    expect(parseDecimal('5.7357')).toBe(5.7357);
    expect(parseDecimal(12)).toBe(12);
    expect(parseDecimal('46,16,45')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('N/A')).toBeUndefined();
  });

  it('reads day-first dates, ISO dates and date-times', () => {
    expect(parseFrenchDate('08/07/16')).toEqual({ date: '2016-07-08' });
    expect(parseFrenchDate('08/07/2016')).toEqual({ date: '2016-07-08' });
    expect(parseFrenchDate('8/7/2016')).toEqual({ date: '2016-07-08' });
    expect(parseFrenchDate('08-07-2016')).toEqual({ date: '2016-07-08' });
    expect(parseFrenchDate('08.07.98')).toEqual({ date: '1998-07-08' });
    expect(parseFrenchDate('2016-07-08')).toEqual({ date: '2016-07-08' });
    expect(parseFrenchDate('2016-07-08T00:00:00+02:00')).toEqual({ date: '2016-07-08' });
  });

  it('treats the words for "unknown" and empty values as unknown, and impossible dates as invalid', () => {
    for (const v of ['inconnue', 'Inconnu', 'non renseigné', 'NON RENSEIGNEE', 'NC', 'n/a', '', '  ', undefined, null]) {
      expect(parseFrenchDate(v), String(v)).toEqual({ unknown: true });
    }
    expect(parseFrenchDate('31/02/2016')).toMatchObject({ invalid: expect.stringContaining('not an existing date') });
    expect(parseFrenchDate('2016-13-01')).toMatchObject({ invalid: expect.any(String) });
    expect(parseFrenchDate('juillet 2016')).toMatchObject({ invalid: expect.stringContaining('not a date') });
  });

  it('reads INSEE codes, restoring the leading zero a spreadsheet dropped', () => {
    expect(parseInseeCode(17300)).toEqual({ insee: '17300' });
    expect(parseInseeCode('1004')).toEqual({ insee: '01004' });
    expect(parseInseeCode(1004)).toEqual({ insee: '01004' });
    expect(parseInseeCode('2a004')).toEqual({ insee: '2A004' });
    expect(parseInseeCode('La Rochelle')).toMatchObject({ invalid: expect.any(String) });
    expect(parseInseeCode('')).toEqual({ unknown: true });
  });

  it('decodes HTML entities and collapses blanks', () => {
    expect(cleanText('&nbsp;Angle rue R&eacute;aumur&#39;s (sur poteau)&nbsp;')).toBe("Angle rue R&eacute;aumur's (sur poteau)");
    expect(cleanText('a &amp; b\r\n c')).toBe('a & b c');
    expect(cleanText('&nbsp;')).toBeUndefined();
    expect(cleanText(17300)).toBe('17300');
  });
});
