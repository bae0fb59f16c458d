import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LabelTexts } from '../../../electron/core/importers/csv/labelTexts.js';

describe('LabelTexts', () => {
  it('reads every cell as its UTF-8 text, whether remembered or not (property)', () => {
    // Labels of a few characters, ASCII and not, many of one length, and sometimes more of
    // them than a column remembers.
    const label = fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '-', '\u3000', '😀'), minLength: 0, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(label, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 200 }), (labels, picks) => {
        const texts = new LabelTexts();
        for (const pick of picks) {
          const expected = labels[pick % labels.length]!;
          // Each cell in a buffer of its own, at an offset, as the tokenizer hands them on.
          const bytes = Buffer.concat([Buffer.from('x,'), Buffer.from(expected), Buffer.from(',y')]);
          expect(texts.textOf(bytes, 2, bytes.length - 2)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
