/**
 * Shared shapes of the aggregation functions. Answers are held column-wise in typed arrays (one entry per
 * answer), with items, workers and labels numbered from 0, so the estimation loops touch no objects.
 * `encode.ts` turns rows with string ids into this shape and back.
 */

/** Answers that pick one label out of `nLabels` (label, labels as a yes/no per label, normalized text). */
export interface CategoricalAnswers {
  nItems: number;
  nWorkers: number;
  nLabels: number;
  /** Per answer: the item's number, 0 … nItems-1. */
  item: Int32Array;
  /** Per answer: the worker's number, 0 … nWorkers-1. */
  worker: Int32Array;
  /** Per answer: the label's number, 0 … nLabels-1. */
  label: Int32Array;
  /** Per item: its known answer (gold), or -1. Gold items are clamped to it and teach worker quality. */
  gold?: Int32Array;
}

export interface CategoricalResult {
  /** Per item: the aggregated label, or -1 for an item without answers. */
  labels: Int32Array;
  /** Per item: the estimated probability that the aggregated label is right (0 without answers). */
  confidence: Float64Array;
  /** Per item and label (row-major nItems × nLabels): the estimated probability of each label. */
  posterior: Float64Array;
  /** Per worker: the estimated probability that one of their answers is right. */
  workerQuality: Float64Array;
  /** Dawid–Skene and minimax entropy: per worker a nLabels × nLabels matrix P(answer | truth), row-major. */
  confusion?: Float64Array;
  /** Estimated share of each true label. */
  classPrior?: Float64Array;
  /** EM or fixed-point iterations run (1 for single-pass methods). */
  iterations: number;
}

/** Answers that are numbers. */
export interface NumericAnswers {
  nItems: number;
  nWorkers: number;
  item: Int32Array;
  worker: Int32Array;
  value: Float64Array;
}

export interface NumericResult {
  /** Per item: the aggregated value, NaN for an item without answers. */
  values: Float64Array;
  /** Per item: the standard error of the aggregated value (NaN with fewer than two answers). */
  stdError: Float64Array;
  /** Per worker: the estimated standard deviation of their answers around the truth (robust estimator only). */
  workerSd?: Float64Array;
  iterations: number;
}
