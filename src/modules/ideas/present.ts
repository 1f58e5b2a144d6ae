import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema/accounts.js';
import { challenges, ideaVotes, ideas } from '../../db/schema/ideas.js';
import type { Actor } from '../../http/auth.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { phaseOf, submissionOpen, votingOpen, type Challenge, type Idea } from './access.js';

export interface VoteTally {
  up: number;
  down: number;
  net: number;
}

/** Up and down votes of some ideas. */
export async function tallies(db: Executor, ideaIds: string[]): Promise<Map<string, VoteTally>> {
  const out = new Map<string, VoteTally>();
  if (!ideaIds.length) return out;
  const rows = await db
    .select({
      ideaId: ideaVotes.ideaId,
      up: sql<number>`count(*) filter (where ${ideaVotes.value} = 1)::int`,
      down: sql<number>`count(*) filter (where ${ideaVotes.value} = -1)::int`,
    })
    .from(ideaVotes)
    .where(inArray(ideaVotes.ideaId, ideaIds))
    .groupBy(ideaVotes.ideaId);
  for (const r of rows) out.set(r.ideaId, { up: r.up, down: r.down, net: r.up - r.down });
  return out;
}

/** A person's vote budget in a challenge: votes cast, and what is left. */
export async function budgetOf(db: Executor, c: Challenge, userId: string) {
  const [row] = await db
    .select({ used: sql<number>`count(*)::int` })
    .from(ideaVotes)
    .where(and(eq(ideaVotes.challengeId, c.id), eq(ideaVotes.userId, userId)));
  const used = row?.used ?? 0;
  return { limit: c.votesPerPerson, used, remaining: c.votesPerPerson === null ? null : Math.max(c.votesPerPerson - used, 0) };
}

export interface RankInfo {
  rank: number;
  score: number;
  interval: [number, number];
  comparisons: number;
}

/**
 * Ideas as the API answers them. The host's status note is shown to the author and the hosts only.
 * @example const [shown] = await presentIdeas(db, [idea], actor, isHost)
 */
export async function presentIdeas(db: Executor, rows: Idea[], actor: Actor | null, isHost: boolean, ranks?: Map<string, RankInfo>) {
  const ids = rows.map((r) => r.id);
  const authorIds = [...new Set(rows.map((r) => r.authorId))];
  const names = new Map<string, string>();
  if (authorIds.length) {
    for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds)))
      names.set(u.id, u.name);
  }
  const votes = await tallies(db, ids);
  const mine = new Map<string, number>();
  if (actor && ids.length) {
    const own = await db
      .select({ ideaId: ideaVotes.ideaId, value: ideaVotes.value })
      .from(ideaVotes)
      .where(and(eq(ideaVotes.userId, actor.userId), inArray(ideaVotes.ideaId, ids)));
    for (const v of own) mine.set(v.ideaId, v.value);
  }
  return rows.map((i) => {
    const isAuthor = actor?.userId === i.authorId;
    const rank = ranks?.get(i.id);
    return {
      id: i.id,
      challengeId: i.challengeId,
      projectId: i.projectId,
      title: i.title,
      body: i.body,
      bodyHtml: renderMarkdown(i.body),
      tags: i.tags,
      status: i.status,
      // Why: the host's note on a decision is addressed to the author, not to the crowd.
      statusNote: isAuthor || isHost ? i.statusNote : null,
      statusChangedAt: i.statusChangedAt?.toISOString() ?? null,
      author: { id: i.authorId, name: names.get(i.authorId) ?? '' },
      votes: votes.get(i.id) ?? { up: 0, down: 0, net: 0 },
      mergedIntoId: i.mergedIntoId,
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
      viewer: { vote: mine.get(i.id) ?? null, isAuthor },
      ...(rank ? { rank: rank.rank, score: rank.score, interval: rank.interval, comparisons: rank.comparisons } : {}),
    };
  });
}

/**
 * A challenge as the API answers it, with what the caller may do in it now.
 * @example await presentChallenge(db, challenge, actor, isHost, ctx.clock.now())
 */
export async function presentChallenge(db: Executor, c: Challenge, actor: Actor | null, isHost: boolean, now: Date) {
  const [counts] = await db
    .select({
      ideas: sql<number>`(select count(*)::int from ideas i where i.challenge_id = ${c.id} and i.merged_into_id is null)`,
      comparisons: sql<number>`(select count(*)::int from idea_comparisons x where x.challenge_id = ${c.id})`,
    })
    .from(challenges)
    .where(eq(challenges.id, c.id));
  const open = votingOpen(c, now);
  return {
    id: c.id,
    projectId: c.projectId,
    title: c.title,
    prompt: c.prompt,
    promptHtml: renderMarkdown(c.prompt),
    status: c.status,
    phase: phaseOf(c, now),
    phases: {
      submission: c.submissionAt.toISOString(),
      voting: c.votingAt.toISOString(),
      review: c.reviewAt.toISOString(),
      closed: c.closedAt.toISOString(),
    },
    rules: { votesPerPerson: c.votesPerPerson, submissionsDuringVoting: c.submissionsDuringVoting, publicRanking: c.publicRanking },
    ideas: counts?.ideas ?? 0,
    comparisons: counts?.comparisons ?? 0,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    publishedAt: c.publishedAt?.toISOString() ?? null,
    viewer: {
      isHost,
      canSubmit: Boolean(actor) && submissionOpen(c, now, isHost),
      canVote: Boolean(actor) && open,
      canSeeRanking: isHost || c.publicRanking,
      budget: actor ? await budgetOf(db, c, actor.userId) : null,
    },
  };
}

/** Live (not merged) ideas of a challenge, for ranking and pairs. */
export async function liveIdeaIds(db: Executor, challengeId: string): Promise<{ id: string; status: string }[]> {
  return db
    .select({ id: ideas.id, status: ideas.status })
    .from(ideas)
    .where(and(eq(ideas.challengeId, challengeId), isNull(ideas.mergedIntoId)))
    .orderBy(ideas.id);
}
