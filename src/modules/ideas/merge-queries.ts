// Statements of a merge: what moves from a duplicate idea to the idea it is merged into, and what is dropped.
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { ideas } from '../../db/schema/ideas.js';

/** Rows a statement changed, on both engines. */
async function changed(tx: Executor, statement: SQL): Promise<number> {
  const res = (await tx.execute(statement)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return res.rowCount ?? res.affectedRows ?? 0;
}

/** Drops the duplicate's votes of people who also voted on the kept idea; answers how many. */
export function deleteVotesOnBoth(tx: Executor, dupId: string, intoId: string): Promise<number> {
  return changed(
    tx,
    sql`DELETE FROM idea_votes d WHERE d.idea_id = ${dupId}
        AND EXISTS (SELECT 1 FROM idea_votes k WHERE k.idea_id = ${intoId} AND k.user_id = d.user_id)`,
  );
}

/** Moves the duplicate's votes to the kept idea; answers how many. */
export function moveVotes(tx: Executor, dupId: string, intoId: string): Promise<number> {
  return changed(tx, sql`UPDATE idea_votes SET idea_id = ${intoId} WHERE idea_id = ${dupId}`);
}

/** Drops the comparisons between the two ideas; answers how many. */
export function deleteComparisonsBetween(tx: Executor, dupId: string, intoId: string): Promise<number> {
  return changed(
    tx,
    sql`DELETE FROM idea_comparisons WHERE (winner_id = ${dupId} AND loser_id = ${intoId}) OR (winner_id = ${intoId} AND loser_id = ${dupId})`,
  );
}

/** Comparisons an idea takes part in. */
export async function countComparisonsOf(tx: Executor, ideaId: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(
    await tx.execute(sql`SELECT count(*)::int AS n FROM idea_comparisons WHERE winner_id = ${ideaId} OR loser_id = ${ideaId}`),
  );
  return Number(row?.n ?? 0);
}

/** Moves the duplicate's comparisons to the kept idea. */
export async function moveComparisons(tx: Executor, dupId: string, intoId: string): Promise<void> {
  await tx.execute(sql`UPDATE idea_comparisons SET winner_id = ${intoId} WHERE winner_id = ${dupId}`);
  await tx.execute(sql`UPDATE idea_comparisons SET loser_id = ${intoId} WHERE loser_id = ${dupId}`);
}

/** Keeps each person's first judgement of a pair that involves the idea, dropping the later ones; answers how many. */
export function deleteRepeatedJudgements(tx: Executor, challengeId: string, ideaId: string): Promise<number> {
  return changed(
    tx,
    sql`DELETE FROM idea_comparisons c USING idea_comparisons e
        WHERE c.challenge_id = ${challengeId} AND e.challenge_id = ${challengeId}
          AND (c.winner_id = ${ideaId} OR c.loser_id = ${ideaId})
          AND c.voter_id = e.voter_id AND c.id <> e.id
          AND least(c.winner_id, c.loser_id) = least(e.winner_id, e.loser_id)
          AND greatest(c.winner_id, c.loser_id) = greatest(e.winner_id, e.loser_id)
          AND (e.created_at, e.id) < (c.created_at, c.id)`,
  );
}

/** Marks the duplicate merged, with the ideas merged into it before following it to the kept idea. */
export async function markMerged(tx: Executor, dupId: string, intoId: string, at: Date): Promise<void> {
  await tx.update(ideas).set({ mergedIntoId: intoId }).where(eq(ideas.mergedIntoId, dupId));
  await tx.update(ideas).set({ mergedIntoId: intoId, mergedAt: at, updatedAt: at }).where(eq(ideas.id, dupId));
}
