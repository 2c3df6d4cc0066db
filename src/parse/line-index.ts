import type { SourceLocation } from '../errors.js';

/**
 * Turns offsets of a text into lines and columns (from 1; a line ends at `\n`, as the YAML
 * reader's LineCounter counts). The table of line starts is made at the first call, so a text
 * that is never asked about costs nothing; each call is then a binary search.
 */
export function lineLocator(text: string, file: string | undefined): (offset: number) => SourceLocation {
  let starts: Int32Array | undefined;
  return (offset) => {
    starts ??= lineStarts(text);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

function lineStarts(text: string): Int32Array {
  let starts = new Int32Array(Math.max(16, text.length >>> 6));
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (count === starts.length) {
      const grown = new Int32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = i + 1;
  }
  return starts.subarray(0, count);
}

/** The line and column of one offset, counted without a table (for a single error). */
export function offsetToLocation(text: string, offset: number, file?: string): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, column: offset - lineStart + 1 };
}
