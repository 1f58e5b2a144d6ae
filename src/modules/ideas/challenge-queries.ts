// Statements on the challenges table.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { challenges } from '../../db/schema/ideas.js';
import { after } from './page-sql.js';

export type Challenge = typeof challenges.$inferSelect;
export type NewChallenge = typeof challenges.$inferInsert;
/** What an edit may change of a challenge. */
export type ChallengeChanges = Partial<Omit<NewChallenge, 'id' | 'projectId' | 'createdBy' | 'createdAt'>>;

export async function selectChallenge(db: Executor, id: string): Promise<Challenge | null> {
  const [row] = await db.select().from(challenges).where(eq(challenges.id, id)).limit(1);
  return row ?? null;
}

/** The challenge, locked until the transaction ends (an edit waits for another). */
export async function lockChallenge(tx: Executor, id: string): Promise<Challenge | null> {
  const [row] = await tx.select().from(challenges).where(eq(challenges.id, id)).for('update');
  return row ?? null;
}

/** A page of a project's challenges, newest first, after a position `{ v: createdAt, id }`; one more row than `limit` says there is a next page. */
export function selectChallengesOfProject(
  db: Executor,
  projectId: string,
  opts: { withDrafts: boolean; after: { v: Date; id: string } | null; limit: number },
): Promise<Challenge[]> {
  return db
    .select()
    .from(challenges)
    .where(
      and(
        eq(challenges.projectId, projectId),
        opts.withDrafts ? undefined : eq(challenges.status, 'published'),
        after(challenges.createdAt, challenges.id, opts.after),
      ),
    )
    .orderBy(desc(challenges.createdAt), desc(challenges.id))
    .limit(opts.limit + 1);
}

export async function insertChallenge(tx: Executor, values: NewChallenge): Promise<Challenge> {
  const [row] = await tx.insert(challenges).values(values).returning();
  return row!;
}

export async function updateChallengeRow(tx: Executor, id: string, changes: ChallengeChanges): Promise<Challenge> {
  const [row] = await tx.update(challenges).set(changes).where(eq(challenges.id, id)).returning();
  return row!;
}

/** Ideas not merged into another, and pairwise comparisons, of a challenge. */
export async function countChallengeContents(db: Executor, id: string): Promise<{ ideas: number; comparisons: number }> {
  const [counts] = await db
    .select({
      ideas: sql<number>`(select count(*)::int from ideas i where i.challenge_id = ${id} and i.merged_into_id is null)`,
      comparisons: sql<number>`(select count(*)::int from idea_comparisons x where x.challenge_id = ${id})`,
    })
    .from(challenges)
    .where(eq(challenges.id, id));
  return { ideas: counts?.ideas ?? 0, comparisons: counts?.comparisons ?? 0 };
}

export async function countPublishedChallengesOfProject(db: Executor, projectId: string): Promise<number> {
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(challenges)
    .where(and(eq(challenges.projectId, projectId), eq(challenges.status, 'published')));
  return Number(c?.n ?? 0);
}
