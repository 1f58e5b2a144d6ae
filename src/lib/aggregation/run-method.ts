// Runs an aggregation method by its short name: the one dispatch table the batch results and the benchmark share.
import type { CategoricalAnswers, CategoricalResult, NumericAnswers, NumericResult } from './types.js';
import { majorityVote } from './majority-vote.js';
import { weightedMajorityVote } from './weighted-majority-vote.js';
import { dawidSkene } from './dawid-skene.js';
import { glad } from './glad.js';
import { minimaxEntropy } from './minimax-entropy.js';
import { numericMean, numericMedian, numericRobust } from './numeric.js';

export const CATEGORICAL_METHODS = ['mv', 'wmv', 'ds', 'glad', 'mme'] as const;
export const NUMERIC_METHODS = ['mean', 'median', 'robust'] as const;
export type CategoricalMethod = (typeof CATEGORICAL_METHODS)[number];
export type NumericMethod = (typeof NUMERIC_METHODS)[number];

const CATEGORICAL: Record<CategoricalMethod, (data: CategoricalAnswers) => CategoricalResult> = {
  mv: majorityVote,
  wmv: weightedMajorityVote,
  ds: dawidSkene,
  glad,
  mme: minimaxEntropy,
};

const NUMERIC: Record<NumericMethod, (data: NumericAnswers) => NumericResult> = {
  mean: numericMean,
  median: numericMedian,
  robust: numericRobust,
};

/**
 * Runs a categorical method by its short name, each with its one default configuration.
 * @example aggregateCategorical('ds', data).labels
 */
export function aggregateCategorical(method: CategoricalMethod, data: CategoricalAnswers): CategoricalResult {
  return CATEGORICAL[method](data);
}

/**
 * Runs a numeric method by its short name.
 * @example aggregateNumeric('median', data).values
 */
export function aggregateNumeric(method: NumericMethod, data: NumericAnswers): NumericResult {
  return NUMERIC[method](data);
}
