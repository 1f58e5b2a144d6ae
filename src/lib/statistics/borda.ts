/** One option's Borda aggregate. */
export interface BordaScore {
  /** The option's index in the question's options. */
  option: number;
  /** Σ (m − 1 − position) over the rankings that placed it; m options, position 0 is best. */
  score: number;
  /** Its mean position, 1 = best (null when no ranking placed it). */
  averageRank: number | null;
  /** How many rankings put it first. */
  firstPlace: number;
}

/**
 * Borda count from position counts: `positions[option][position]` is how many rankings put that option at that
 * position (0 = best). With m options a first place earns m − 1 points, a last place 0. Sorted best first
 * (ties keep the options' order).
 * @example borda([[1, 0], [0, 1]]) // option 0: 1 point, option 1: 0 points
 */
export function borda(positions: readonly (readonly number[])[]): BordaScore[] {
  const m = positions.length;
  const scores = positions.map((counts, option) => {
    let score = 0;
    let placed = 0;
    let rankSum = 0;
    counts.forEach((c, pos) => {
      if (!c || pos >= m) return;
      score += (m - 1 - pos) * c;
      placed += c;
      rankSum += (pos + 1) * c;
    });
    return { option, score, averageRank: placed ? rankSum / placed : null, firstPlace: counts[0] ?? 0 };
  });
  return scores.sort((a, b) => b.score - a.score || a.option - b.option);
}

/**
 * Position counts from complete rankings given as lists of option indexes, best first.
 * @example positionCounts([[1, 0], [1, 0]], 2) // [[0, 2], [2, 0]]
 */
export function positionCounts(rankings: readonly (readonly number[])[], m: number): number[][] {
  const counts = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (const ranking of rankings) for (const [pos, option] of ranking.entries()) counts[option]![pos]! += 1;
  return counts;
}
