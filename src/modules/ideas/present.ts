import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { peopleByIds } from '../accounts/people.js';
import { phaseOf, submissionOpen, votingOpen, type Challenge, type Idea } from './access.js';
import { countChallengeContents } from './challenge-queries.js';
import { countVotesOfVoter, selectVoteTallies, selectVotesOfVoter } from './vote-queries.js';

export interface VoteTally {
  up: number;
  down: number;
  net: number;
}

/** Up and down votes of some ideas. */
export async function tallies(db: Executor, ideaIds: string[]): Promise<Map<string, VoteTally>> {
  const out = new Map<string, VoteTally>();
  if (!ideaIds.length) return out;
  for (const r of await selectVoteTallies(db, ideaIds)) out.set(r.ideaId, { up: r.up, down: r.down, net: r.up - r.down });
  return out;
}

/** A person's vote budget in a challenge: votes cast, and what is left. */
export async function budgetOf(db: Executor, c: Challenge, userId: string) {
  const used = await countVotesOfVoter(db, c.id, userId);
  return { limit: c.votesPerPerson, used, remaining: c.votesPerPerson === null ? null : Math.max(c.votesPerPerson - used, 0) };
}

/**
 * A person's vote on an idea as the API answers it: the idea's tally and what is left of their budget.
 * @example await presentVote(tx, challenge, ideaId, actor.userId, 1) // { ideaId, value: 1, votes, budget }
 */
export async function presentVote(db: Executor, challenge: Challenge, ideaId: string, userId: string, value: number | null) {
  return {
    ideaId,
    value,
    votes: (await tallies(db, [ideaId])).get(ideaId) ?? { up: 0, down: 0, net: 0 },
    budget: await budgetOf(db, challenge, userId),
  };
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
  const authors = await peopleByIds(
    db,
    rows.map((r) => r.authorId),
  );
  const votes = await tallies(db, ids);
  const mine = new Map<string, number>();
  if (actor && ids.length) for (const v of await selectVotesOfVoter(db, actor.userId, ids)) mine.set(v.ideaId, v.value);
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
      author: { id: i.authorId, name: authors.get(i.authorId)?.name ?? '' },
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
  const counts = await countChallengeContents(db, c.id);
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
    ideas: counts.ideas,
    comparisons: counts.comparisons,
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
