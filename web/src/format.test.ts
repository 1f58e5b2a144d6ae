import { describe, expect, it } from 'vitest';
import { splitList } from './format';

describe('splitList', () => {
  it('keeps the trimmed, non-empty items of a comma-separated list', () => {
    expect(splitList(' cat, dog,, bird ,')).toEqual(['cat', 'dog', 'bird']);
    expect(splitList('')).toEqual([]);
  });
});
