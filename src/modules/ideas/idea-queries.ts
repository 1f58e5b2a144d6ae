// Statements on the ideas table (the up/down votes of a `top` list read beside them).
import { and, arrayContains, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { IDEA_STATUSES, type IdeaStatus, ideaVotes, ideas } from '../../db/schema/ideas.js';
import { after } from './page-sql.js';

export { IDEA_STATUSES, type IdeaStatus };
export type Idea = typeof ideas.$inferSelect;
export type NewIdea = typeof ideas.$inferInsert;
/** What an edit may change of an idea. */
export type IdeaChanges = Partial<Omit<NewIdea, 'id' | 'challengeId' | 'projectId' | 'authorId' | 'createdAt'>>;

/** Which live (not merged) ideas of a challenge a list shows. */
export interface IdeaFilter {
  challengeId: string;
  status?: IdeaStatus;
  tag?: string;
}

const matching = (f: IdeaFilter) =>
  and(
    eq(ideas.challengeId, f.challengeId),
    isNull(ideas.mergedIntoId),
    f.status ? eq(ideas.status, f.status) : undefined,
    f.tag ? arrayContains(ideas.tags, [f.tag]) : undefined,
  );

export async function selectIdea(db: Executor, id: string): Promise<Idea | null> {
  const [row] = await db.select().from(ideas).where(eq(ideas.id, id)).limit(1);
  return row ?? null;
}

/** The ideas with these ids, in no particular order. */
export async function selectIdeas(db: Executor, ids: string[]): Promise<Idea[]> {
  if (!ids.length) return [];
  return db.select().from(ideas).where(inArray(ideas.id, ids));
}

/** Live (not merged) ideas of a challenge, by id: what is ranked and paired. */
export function selectLiveIdeas(db: Executor, challengeId: string): Promise<{ id: string; status: IdeaStatus }[]> {
  return db
    .select({ id: ideas.id, status: ideas.status })
    .from(ideas)
    .where(and(eq(ideas.challengeId, challengeId), isNull(ideas.mergedIntoId)))
    .orderBy(ideas.id);
}

export async function selectIdeaIdsMatching(db: Executor, filter: IdeaFilter): Promise<string[]> {
  return (await db.select({ id: ideas.id }).from(ideas).where(matching(filter))).map((r) => r.id);
}

/** A page of ideas, newest first, after a position `{ v: createdAt, id }`; one row more than `limit` says there is a next page. */
export function selectNewestIdeas(db: Executor, filter: IdeaFilter, position: { v: Date; id: string } | null, limit: number) {
  return db
    .select()
    .from(ideas)
    .where(and(matching(filter), after(ideas.createdAt, ideas.id, position)))
    .orderBy(desc(ideas.createdAt), desc(ideas.id))
    .limit(limit + 1);
}

/** A page of ideas by net votes (up minus down), then newest id, after a position `{ v: net, id }`; one row more than `limit` says there is a next page. */
export function selectTopIdeas(db: Executor, filter: IdeaFilter, position: { v: number; id: string } | null, limit: number) {
  // Qualified by hand: Drizzle leaves columns of a one-table select unqualified, which a subquery would misread.
  const net = sql<number>`coalesce((select sum(v.value)::int from idea_votes v where v.idea_id = "ideas"."id"), 0)`;
  return db
    .select({ idea: ideas, net })
    .from(ideas)
    .where(and(matching(filter), after(net, ideas.id, position)))
    .orderBy(desc(net), desc(ideas.id))
    .limit(limit + 1);
}

export async function insertIdea(tx: Executor, values: NewIdea): Promise<void> {
  await tx.insert(ideas).values(values);
}

export async function updateIdeaRow(tx: Executor, id: string, changes: IdeaChanges): Promise<Idea> {
  const [row] = await tx.update(ideas).set(changes).where(eq(ideas.id, id)).returning();
  return row!;
}

/** The ideas, locked in id order (so two merges cannot deadlock) until the transaction ends. */
export function lockIdeas(tx: Executor, ids: string[]): Promise<Idea[]> {
  return tx.select().from(ideas).where(inArray(ideas.id, ids)).orderBy(ideas.id).for('update');
}

/** What a vote or a comparison checks of its ideas, share-locked in id order: a merge of them waits, or is seen. */
export function shareLockIdeas(tx: Executor, ids: string[]) {
  return tx
    .select({ id: ideas.id, challengeId: ideas.challengeId, mergedIntoId: ideas.mergedIntoId, status: ideas.status })
    .from(ideas)
    .where(inArray(ideas.id, ids))
    .orderBy(ideas.id)
    .for('share');
}

/** Every idea of a challenge, merged ones included. */
export async function countIdeasOfChallenge(db: Executor, challengeId: string): Promise<number> {
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(ideas).where(eq(ideas.challengeId, challengeId));
  return n?.n ?? 0;
}

export async function countLiveIdeasOfProject(db: Executor, projectId: string): Promise<number> {
  const [i] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ideas)
    .where(and(eq(ideas.projectId, projectId), isNull(ideas.mergedIntoId)));
  return Number(i?.n ?? 0);
}

/** A project's best-voted live ideas: net votes (score) and votes cast on each. */
export async function selectTopIdeasOfProject(db: Executor, projectId: string, limit: number) {
  const rows = await db
    .select({
      id: ideas.id,
      title: ideas.title,
      status: ideas.status,
      score: sql<number>`coalesce(sum(${ideaVotes.value}), 0)::int`,
      votes: sql<number>`count(${ideaVotes.userId})::int`,
    })
    .from(ideas)
    .leftJoin(ideaVotes, eq(ideaVotes.ideaId, ideas.id))
    .where(and(eq(ideas.projectId, projectId), isNull(ideas.mergedIntoId)))
    .groupBy(ideas.id, ideas.title, ideas.status)
    .orderBy(sql`coalesce(sum(${ideaVotes.value}), 0) DESC`, desc(ideas.id))
    .limit(limit);
  return rows.map((t) => ({ ...t, score: Number(t.score), votes: Number(t.votes) }));
}
