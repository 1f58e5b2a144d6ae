import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAnswer, encodeAnswer, maskOptions, type Question } from './questions.js';

const q = (kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id: 'sq_1',
  seq: 7,
  kind,
  prompt: 'p',
  options: [],
  required: false,
  min: null,
  max: null,
  scale: null,
  currency: null,
  intent: false,
  ...extra,
});

describe('questions', () => {
  describe('encodeAnswer', () => {
    it('stores a multiple choice as one bit mask row', () => {
      const r = encodeAnswer(q('multiple', { options: ['a', 'b', 'c'] }), ['c', 'a']);
      expect(r).toEqual({ rows: [{ questionSeq: 7, item: 0, num: 5, textValue: null }] });
      expect(maskOptions(5, 3)).toEqual([0, 2]);
    });

    it('stores a ranking as one row per option with its position, and a price as four parts', () => {
      expect(encodeAnswer(q('ranking', { options: ['a', 'b'] }), ['b', 'a'])).toEqual({
        rows: [
          { questionSeq: 7, item: 1, num: 0, textValue: null },
          { questionSeq: 7, item: 0, num: 1, textValue: null },
        ],
      });
      const price = encodeAnswer(q('price', { currency: 'EUR' }), { tooCheap: 1, cheap: 2, expensive: 2, tooExpensive: 3 });
      expect('rows' in price && price.rows.map((r) => [r.item, r.num])).toEqual([
        [0, 1],
        [1, 2],
        [2, 2],
        [3, 3],
      ]);
    });

    it('uses the default scale of 5', () => {
      expect(encodeAnswer(q('scale'), 5)).toHaveProperty('rows');
      expect(encodeAnswer(q('scale'), 6)).toEqual({ error: 'must be a whole number from 1 to 5' });
    });
  });

  describe('decodeAnswer', () => {
    it('gives back what was encoded, for any valid answer', () => {
      const options = ['a', 'b', 'c', 'd'];
      const cases = fc.oneof(
        fc.constantFrom(...options).map((v) => [q('single', { options }), v] as const),
        fc.subarray(options, { minLength: 1 }).map((v) => [q('multiple', { options }), v] as const),
        fc.shuffledSubarray(options, { minLength: 4, maxLength: 4 }).map((v) => [q('ranking', { options }), v] as const),
        fc.integer({ min: 0, max: 10 }).map((v) => [q('nps'), v] as const),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((v) => [q('number'), v === 0 ? 0 : v] as const),
        fc
          .string({ minLength: 1, maxLength: 50 })
          .filter((s) => s.trim() === s && s.length > 0)
          .map((v) => [q('text'), v] as const),
        fc
          .array(fc.integer({ min: 0, max: 1e6 }), { minLength: 4, maxLength: 4 })
          .map((a) => a.sort((x, y) => x - y))
          .map(([a, b, c, d]) => [q('price', { currency: 'EUR' }), { tooCheap: a!, cheap: b!, expensive: c!, tooExpensive: d! }] as const),
      );
      fc.assert(
        fc.property(cases, ([question, value]) => {
          const enc = encodeAnswer(question, value);
          if (!('rows' in enc)) return false;
          expect(decodeAnswer(question, enc.rows)).toEqual(value);
          return true;
        }),
      );
    });
  });
});
