import { describe, expect, it } from 'vitest';
import { AggregationInputError, aggregateAnswers, defaultMethod, methodsFor } from './aggregate-answers.js';
import { syntheticCategorical } from './synthetic.js';

describe('aggregateAnswers', () => {
  describe('label', () => {
    it('gives each item its answer, confidence and count, and each worker a confusion matrix', () => {
      const answers = [
        { item: 'a', worker: 'w1', answer: 'cat' },
        { item: 'a', worker: 'w2', answer: 'cat' },
        { item: 'a', worker: 'w3', answer: 'dog' },
        { item: 'b', worker: 'w1', answer: 'dog' },
        { item: 'b', worker: 'w2', answer: 'dog' },
      ];
      const out = aggregateAnswers({ kind: 'label', labels: ['cat', 'dog'], answers, items: ['a', 'b', 'c'] });
      expect(out.method).toBe('ds');
      expect(out.items.map((i) => [i.item, i.answer, i.answers])).toEqual([
        ['a', 'cat', 3],
        ['b', 'dog', 2],
        ['c', null, 0],
      ]);
      expect(out.items[0]!.confidence).toBeGreaterThan(0.5);
      const w1 = out.workers.find((w) => w.worker === 'w1')!;
      expect(w1.answers).toBe(2);
      expect(w1.confusion).toHaveLength(2);
      expect(w1.confusion![0]![0]! + w1.confusion![0]![1]!).toBeCloseTo(1);
    });

    it('keeps gold items at their answer and scores workers on them', () => {
      const out = aggregateAnswers({
        kind: 'label',
        labels: ['yes', 'no'],
        method: 'mv',
        answers: [
          { item: 'g', worker: 'w1', answer: 'no' },
          { item: 'g', worker: 'w2', answer: 'no' },
          { item: 'g', worker: 'w3', answer: 'yes' },
        ],
        gold: new Map([['g', 'yes']]),
      });
      expect(out.items[0]).toMatchObject({ answer: 'yes', confidence: 1, gold: true });
      expect(out.workers.find((w) => w.worker === 'w3')).toMatchObject({ goldAnswers: 1, goldCorrect: 1, goldAccuracy: 1 });
      expect(out.workers.find((w) => w.worker === 'w1')!.goldAccuracy).toBe(0);
    });

    it('matches the array-level Dawid–Skene result on synthetic answers', () => {
      const { data, truth } = syntheticCategorical({ items: 300, workers: 15, labels: 3, overlap: 5, seed: 8 });
      const labels = ['x', 'y', 'z'];
      const answers = [...data.item].map((i, a) => ({ item: `i${i}`, worker: `w${data.worker[a]}`, answer: labels[data.label[a]!]! }));
      const out = aggregateAnswers({ kind: 'label', labels, method: 'ds', answers });
      const right = out.items.filter((it) => it.answer === labels[truth[Number(it.item.slice(1))]!]).length;
      expect(right / 300).toBeGreaterThan(0.9);
    });
  });

  describe('labels', () => {
    it('decides each label as its own yes/no question', () => {
      const answers = [
        { item: 'a', worker: 'w1', answer: ['red', 'blue'] },
        { item: 'a', worker: 'w2', answer: ['red'] },
        { item: 'a', worker: 'w3', answer: ['red', 'blue'] },
        { item: 'b', worker: 'w1', answer: [] },
        { item: 'b', worker: 'w2', answer: ['green'] },
        { item: 'b', worker: 'w3', answer: [] },
      ];
      const out = aggregateAnswers({ kind: 'labels', labels: ['red', 'green', 'blue'], method: 'mv', answers });
      expect(out.items.map((i) => i.answer)).toEqual([['red', 'blue'], []]);
      expect(out.items[0]!.confidence).toBeCloseTo(1 * 1 * (2 / 3));
    });
  });

  describe('text', () => {
    it('compares texts without case or extra spaces, item by item', () => {
      const answers = [
        { item: 'a', worker: 'w1', answer: 'New  York' },
        { item: 'a', worker: 'w2', answer: 'new york' },
        { item: 'a', worker: 'w3', answer: 'Boston' },
      ];
      for (const method of ['mv', 'wmv'] as const) {
        const out = aggregateAnswers({ kind: 'text', method, answers });
        expect(out.items[0]!.answer).toBe('New  York'.trim());
        expect(out.items[0]!.confidence).toBeGreaterThan(0.5);
      }
    });

    it('refuses methods that need a shared label set', () => {
      expect(() => aggregateAnswers({ kind: 'text', method: 'ds', answers: [] })).toThrow(AggregationInputError);
    });
  });

  describe('number', () => {
    it('aggregates with mean, median and robust, with standard errors', () => {
      const answers = [10, 12, 11, 50].map((v, k) => ({ item: 'a', worker: `w${k}`, answer: v }));
      expect(aggregateAnswers({ kind: 'number', method: 'mean', answers }).items[0]!.answer).toBe(20.75);
      expect(aggregateAnswers({ kind: 'number', method: 'median', answers }).items[0]!.answer).toBe(11.5);
      const robust = aggregateAnswers({ kind: 'number', method: 'robust', answers });
      expect(robust.items[0]!.stdError).toBeGreaterThan(0);
      expect(robust.items[0]!.confidence).toBeNull();
    });

    it('refuses label methods and non-numeric answers', () => {
      expect(() => aggregateAnswers({ kind: 'number', method: 'ds', answers: [] })).toThrow(/does not suit number answers/);
      expect(() => aggregateAnswers({ kind: 'number', method: 'mean', answers: [{ item: 'a', worker: 'w', answer: 'x' }] })).toThrow(
        AggregationInputError,
      );
    });
  });

  it('names default and available methods per kind', () => {
    expect(defaultMethod('label')).toBe('ds');
    expect(methodsFor('text')).toEqual(['mv', 'wmv']);
    expect(methodsFor('number')[0]).toBe('robust');
  });
});
