/**
 * Aggregation of crowd answers: pure functions over typed arrays (see types.ts), no I/O.
 * Categorical: majority vote, weighted majority vote, Dawid–Skene, GLAD, minimax entropy.
 * Numeric: mean, median, a worker-aware robust estimate.
 */
import { majorityVote } from './majority-vote.js';
import { weightedMajorityVote } from './weighted-majority-vote.js';
import { dawidSkene } from './dawid-skene.js';
import { glad } from './glad.js';
import { minimaxEntropy } from './minimax-entropy.js';
import { numericMean, numericMedian, numericRobust } from './numeric.js';

export * from './types.js';
export * from './encode.js';
export * from './aggregate-answers.js';
export * from './item-confidence.js';
export * from './run-method.js';
export { majorityVote, weightedMajorityVote, dawidSkene, glad, minimaxEntropy, numericMean, numericMedian, numericRobust };
