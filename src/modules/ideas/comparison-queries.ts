// Statements on the idea_comparisons table (pairwise judgements).
import { and, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ideaComparisons } from '../../db/schema/ideas.js';

export type NewComparison = typeof ideaComparisons.$inferInsert;

/** How many times each (winner, loser, tie) outcome was judged in a challenge. */
export function countComparisonsByOutcome(db: Executor, challengeId: string) {
  return db
    .select({
      winnerId: ideaComparisons.winnerId,
      loserId: ideaComparisons.loserId,
      tie: ideaComparisons.tie,
      n: sql<number>`count(*)::int`,
    })
    .from(ideaComparisons)
    .where(eq(ideaComparisons.challengeId, challengeId))
    .groupBy(ideaComparisons.winnerId, ideaComparisons.loserId, ideaComparisons.tie);
}

/** The pairs a person has judged in a challenge, as `{ a, b }` (winner and loser, or the two of a tie). */
export function selectPairsJudgedBy(db: Executor, challengeId: string, voterId: string): Promise<{ a: string; b: string }[]> {
  return db
    .select({ a: ideaComparisons.winnerId, b: ideaComparisons.loserId })
    .from(ideaComparisons)
    .where(and(eq(ideaComparisons.challengeId, challengeId), eq(ideaComparisons.voterId, voterId)));
}

/** How many times a person has judged the pair of ideas `a` and `b`, either way round. */
export async function countJudgementsOfPair(tx: Executor, voterId: string, a: string, b: string): Promise<number> {
  const [again] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(ideaComparisons)
    .where(
      and(
        eq(ideaComparisons.voterId, voterId),
        or(
          and(eq(ideaComparisons.winnerId, a), eq(ideaComparisons.loserId, b)),
          and(eq(ideaComparisons.winnerId, b), eq(ideaComparisons.loserId, a)),
        ),
      ),
    );
  return again?.n ?? 0;
}

export async function insertComparison(tx: Executor, values: NewComparison): Promise<void> {
  await tx.insert(ideaComparisons).values(values);
}
