import { describe, expect, it } from 'vitest';
import { encodeCategorical, encodeNumeric } from './encode.js';

describe('encodeCategorical', () => {
  it('numbers items, workers and labels in order of appearance', () => {
    const e = encodeCategorical([
      { item: 'a', worker: 'x', answer: 'cat' },
      { item: 'b', worker: 'x', answer: 'dog' },
      { item: 'a', worker: 'y', answer: 'cat' },
    ]);
    expect(e.itemIds).toEqual(['a', 'b']);
    expect(e.workerIds).toEqual(['x', 'y']);
    expect(e.labels).toEqual(['cat', 'dog']);
    expect([...e.data.label]).toEqual([0, 1, 0]);
  });

  it('keeps a fixed label order, lists unanswered items, maps gold, rejects unknown labels', () => {
    const e = encodeCategorical([{ item: 'a', worker: 'x', answer: 'dog' }], {
      labels: ['cat', 'dog'],
      items: ['z'],
      gold: new Map([['z', 'cat']]),
    });
    expect(e.itemIds).toEqual(['z', 'a']);
    expect([...e.data.gold!]).toEqual([0, -1]);
    expect(() => encodeCategorical([{ item: 'a', worker: 'x', answer: 'cow' }], { labels: ['cat'] })).toThrow(/not one of the labels/);
  });
});

describe('encodeNumeric', () => {
  it('rejects non-finite answers', () => {
    expect(encodeNumeric([{ item: 'a', worker: 'x', answer: 2 }]).data.value[0]).toBe(2);
    expect(() => encodeNumeric([{ item: 'a', worker: 'x', answer: NaN }])).toThrow(/finite/);
  });
});
