import { describe, expect, it } from 'vitest';
import { itemConfidence, smoothedAccuracy } from './item-confidence.js';

describe('itemConfidence', () => {
  it('is the one-coin posterior of the leading answer', () => {
    const r = itemConfidence(
      [
        { answer: 'cat', accuracy: 0.9 },
        { answer: 'cat', accuracy: 0.8 },
      ],
      2,
    );
    // P(cat) ∝ 0.9 × 0.8, P(dog) ∝ 0.1 × 0.2.
    expect(r.answer).toBe('cat');
    expect(r.confidence).toBeCloseTo(0.72 / (0.72 + 0.02), 6);
  });

  it('lets one reliable worker outweigh two near-random ones', () => {
    const r = itemConfidence(
      [
        { answer: 'a', accuracy: 0.98 },
        { answer: 'b', accuracy: 0.4 },
        { answer: 'b', accuracy: 0.4 },
      ],
      3,
    );
    expect(r.answer).toBe('a');
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it('grows with agreeing answers and counts the labels nobody chose', () => {
    const one = itemConfidence([{ answer: 'x', accuracy: 0.8 }], 4).confidence;
    const two = itemConfidence(
      [
        { answer: 'x', accuracy: 0.8 },
        { answer: 'x', accuracy: 0.8 },
      ],
      4,
    ).confidence;
    expect(one).toBeCloseTo(0.8, 6);
    expect(two).toBeGreaterThan(one);
    expect(itemConfidence([], 3)).toEqual({ answer: null, confidence: 0 });
  });
});

describe('smoothedAccuracy', () => {
  it('pulls few gold answers toward the prior', () => {
    expect(smoothedAccuracy(1, 1)).toBeCloseTo((1 + 1.4) / 3);
    expect(smoothedAccuracy(0, 0)).toBeCloseTo(0.7);
  });
});
