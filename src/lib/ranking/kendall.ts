/**
 * Kendall's rank correlation tau-b between two scorings of the same items (ties in either are allowed):
 * 1 when both order every pair the same way, -1 when every pair is reversed, about 0 for unrelated orders.
 * O(n²), meant for rankings of up to a few thousand items.
 * @example kendallTau([1, 2, 3], [10, 20, 30]) // 1
 * @example kendallTau([1, 2, 3], [3, 2, 1])    // -1
 */
export function kendallTau(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new RangeError('kendallTau: both scorings must have the same length');
  const n = x.length;
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiedX++;
      else if (dy === 0) tiedY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denominator = Math.sqrt((concordant + discordant + tiedX) * (concordant + discordant + tiedY));
  return denominator === 0 ? 0 : (concordant - discordant) / denominator;
}
