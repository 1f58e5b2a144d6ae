// Statements on the idea_votes table, and the lock that serializes one person's votes and comparisons.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ideaVotes, ideas } from '../../db/schema/ideas.js';

export type NewVote = typeof ideaVotes.$inferInsert;

/** Up and down votes of each idea that has any. */
export function selectVoteTallies(db: Executor, ideaIds: string[]): Promise<{ ideaId: string; up: number; down: number }[]> {
  return db
    .select({
      ideaId: ideaVotes.ideaId,
      up: sql<number>`count(*) filter (where ${ideaVotes.value} = 1)::int`,
      down: sql<number>`count(*) filter (where ${ideaVotes.value} = -1)::int`,
    })
    .from(ideaVotes)
    .where(inArray(ideaVotes.ideaId, ideaIds))
    .groupBy(ideaVotes.ideaId);
}

/** Votes a person has cast in a challenge (what their budget has used). */
export async function countVotesOfVoter(db: Executor, challengeId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ used: sql<number>`count(*)::int` })
    .from(ideaVotes)
    .where(and(eq(ideaVotes.challengeId, challengeId), eq(ideaVotes.userId, userId)));
  return row?.used ?? 0;
}

/** A person's votes on some ideas. */
export function selectVotesOfVoter(db: Executor, userId: string, ideaIds: string[]): Promise<{ ideaId: string; value: number }[]> {
  return db
    .select({ ideaId: ideaVotes.ideaId, value: ideaVotes.value })
    .from(ideaVotes)
    .where(and(eq(ideaVotes.userId, userId), inArray(ideaVotes.ideaId, ideaIds)));
}

const voteOf = (ideaId: string, userId: string) => and(eq(ideaVotes.ideaId, ideaId), eq(ideaVotes.userId, userId));

/** A person's vote on an idea (1 or -1), or null. */
export async function selectVote(tx: Executor, ideaId: string, userId: string): Promise<number | null> {
  const [row] = await tx.select({ value: ideaVotes.value }).from(ideaVotes).where(voteOf(ideaId, userId));
  return row?.value ?? null;
}

export async function updateVote(tx: Executor, ideaId: string, userId: string, value: number): Promise<void> {
  await tx.update(ideaVotes).set({ value }).where(voteOf(ideaId, userId));
}

export async function insertVote(tx: Executor, values: NewVote): Promise<void> {
  await tx.insert(ideaVotes).values(values);
}

export async function deleteVote(tx: Executor, ideaId: string, userId: string): Promise<void> {
  await tx.delete(ideaVotes).where(voteOf(ideaId, userId));
}

/**
 * Serializes one person's votes in one challenge (budget check then insert), on both engines.
 * @example await lockVoter(tx, challengeId, userId)
 */
export async function lockVoter(tx: Executor, challengeId: string, userId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`idea-votes:${challengeId}:${userId}`}))`);
}

/** Votes on a project's ideas: how many, by how many people, how many up. */
export async function countVotesOfProject(db: Executor, projectId: string): Promise<{ votes: number; voters: number; up: number }> {
  const [v] = await db
    .select({
      votes: sql<number>`count(*)::int`,
      voters: sql<number>`count(DISTINCT ${ideaVotes.userId})::int`,
      up: sql<number>`count(*) FILTER (WHERE ${ideaVotes.value} > 0)::int`,
    })
    .from(ideaVotes)
    .innerJoin(ideas, eq(ideas.id, ideaVotes.ideaId))
    .where(eq(ideas.projectId, projectId));
  return { votes: Number(v?.votes ?? 0), voters: Number(v?.voters ?? 0), up: Number(v?.up ?? 0) };
}
