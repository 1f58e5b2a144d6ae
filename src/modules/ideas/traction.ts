import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { challenges, ideaVotes, ideas } from '../../db/schema/ideas.js';

/**
 * Challenges, ideas and votes of the project, and its five best-voted ideas (the validation panel's traction).
 * @example await ideaTraction(db, project.id) // { challenges, ideas, votes, upvotes, voters, top }
 */
export async function ideaTraction(db: Executor, projectId: string) {
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(challenges)
    .where(and(eq(challenges.projectId, projectId), eq(challenges.status, 'published')));
  const [i] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ideas)
    .where(and(eq(ideas.projectId, projectId), isNull(ideas.mergedIntoId)));
  const [v] = await db
    .select({
      votes: sql<number>`count(*)::int`,
      voters: sql<number>`count(DISTINCT ${ideaVotes.userId})::int`,
      up: sql<number>`count(*) FILTER (WHERE ${ideaVotes.value} > 0)::int`,
    })
    .from(ideaVotes)
    .innerJoin(ideas, eq(ideas.id, ideaVotes.ideaId))
    .where(eq(ideas.projectId, projectId));
  const top = await db
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
    .limit(5);
  return {
    challenges: Number(c?.n ?? 0),
    ideas: Number(i?.n ?? 0),
    votes: Number(v?.votes ?? 0),
    upvotes: Number(v?.up ?? 0),
    voters: Number(v?.voters ?? 0),
    top: top.map((t) => ({ ...t, score: Number(t.score), votes: Number(t.votes) })),
  };
}
