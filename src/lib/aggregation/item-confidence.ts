/**
 * The confidence of one item's leading answer when each worker's accuracy is known (from gold items, or
 * a default): the one-coin posterior, where a worker of accuracy q gives the true answer with probability q
 * and each of the other K−1 answers with probability (1−q)/(K−1). Useful to decide dynamic overlap: ask
 * one more worker while the confidence is below the threshold.
 * @example
 * itemConfidence([{ answer: 'cat', accuracy: 0.9 }, { answer: 'cat', accuracy: 0.8 }], 2) // { answer: 'cat', confidence: 0.973 }
 */
export function itemConfidence(
  votes: { answer: string; accuracy: number }[],
  nLabels: number,
): { answer: string | null; confidence: number } {
  if (!votes.length) return { answer: null, confidence: 0 };
  const K = Math.max(nLabels, 2);
  // Each vote adds log((K−1)q/(1−q)) to its answer's score; a worker at or below chance adds nothing.
  const score = new Map<string, number>();
  for (const v of votes) {
    const q = Math.min(Math.max(v.accuracy, 0), 0.999);
    const w = q > 1 / K ? Math.log(((K - 1) * q) / (1 - q)) : 0;
    score.set(v.answer, (score.get(v.answer) ?? 0) + w);
  }
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const [answer, s] of score)
    if (s > bestScore || (s === bestScore && best !== null && answer < best)) [best, bestScore] = [answer, s];
  // Answers nobody gave (K minus those seen) each keep a score of 0.
  let total = Math.max(K - score.size, 0) * Math.exp(-bestScore);
  for (const s of score.values()) total += Math.exp(s - bestScore);
  return { answer: best, confidence: 1 / total };
}

/**
 * A worker's accuracy estimate from their gold answers, pulled toward `prior` by `strength` pseudo-answers
 * (so one lucky gold answer does not make a worker perfect).
 * @example smoothedAccuracy(3, 3) // (3 + 2 × 0.7) / (3 + 2) = 0.88
 */
export function smoothedAccuracy(correct: number, answered: number, prior = 0.7, strength = 2): number {
  return (correct + prior * strength) / (answered + strength);
}
