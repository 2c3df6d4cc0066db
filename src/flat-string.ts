/** Where flatString stores the character it reads; never read. */
let flattened = 0;

/**
 * `text`, made one flat string. A string built with `+` is a rope: `"/cameras/" + 12345` is three
 * string objects, a template with three placeholders a dozen. The findings of a large report keep
 * theirs alive, and the garbage collector copies each object of each rope, twice, before they reach
 * the old generation: more, measured, than flattening them takes. Reading a character makes V8
 * flatten a rope into one flat string, and the collector then keeps only that; the character is
 * stored, so that the optimizing compiler does not drop the read.
 */
export function flatString(text: string): string {
  flattened = text.charCodeAt(0);
  return text;
}
