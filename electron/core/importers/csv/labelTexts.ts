import { utf8Text } from '../input/utf8Bytes.js';

/** Texts remembered per column at most; a column with more distinct values is no label column, and the rest are decoded. */
const MAX_LABELS = 32;

/**
 * The texts of one column's labels, remembered by their bytes. A label column (ownership,
 * compliance, OS…) repeats a handful of values, and comparing a cell's few bytes with those
 * seen before costs less than decoding it on every row; the text returned is then the same
 * string each time, so a Map keyed by it does not hash it again.
 */
export class LabelTexts {
  private readonly bytes: Buffer[] = [];
  private readonly texts: string[] = [];

  /** The text of `source[start, end)`, UTF-8. */
  textOf(source: Buffer, start: number, end: number): string {
    const length = end - start;
    const known = this.bytes;
    for (let i = 0; i < known.length; i++) {
      const candidate = known[i]!;
      if (candidate.length !== length) continue;
      let at = 0;
      while (at < length && candidate[at] === source[start + at]) at++;
      if (at === length) return this.texts[i]!;
    }
    const text = utf8Text(source, start, end);
    if (known.length < MAX_LABELS) {
      known.push(Buffer.from(source.subarray(start, end)));
      this.texts.push(text);
    }
    return text;
  }
}
