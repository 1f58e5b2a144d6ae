import { z } from 'zod';
import { ZPageQuery } from '../../http/schemas.js';
import { ZTag } from '../../http/tag-schema.js';
import { IDEA_STATUSES } from './idea-queries.js';

export const PHASES = ['upcoming', 'submission', 'voting', 'review', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

const ZDate = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-06-30T18:00:00Z' });

/** Start of each phase: submission, then voting, then review, then closed (equal dates skip a phase). */
export const ZPhases = z
  .object({
    submission: ZDate.describe('ideas are accepted from this date'),
    voting: ZDate.describe('votes and pairwise comparisons are accepted from this date (until review)'),
    review: ZDate.describe('the host reviews from this date: no more votes'),
    closed: ZDate.describe('the challenge is closed from this date'),
  })
  .superRefine((p, ctx) => {
    const order: (keyof typeof p)[] = ['submission', 'voting', 'review', 'closed'];
    for (let k = 1; k < order.length; k++) {
      if (Date.parse(p[order[k]!]) < Date.parse(p[order[k - 1]!])) {
        ctx.addIssue({ code: 'custom', path: [order[k]!], message: `must not be before the ${order[k - 1]} date` });
      }
    }
  });

export const ZRules = z.object({
  votesPerPerson: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .nullable()
    .optional()
    .describe('up and down votes a person may cast in this challenge; null: no limit (default 10)'),
  submissionsDuringVoting: z.boolean().optional().describe('whether ideas may still be submitted in the voting phase (default false)'),
  publicRanking: z.boolean().optional().describe('whether everyone may see the pairwise ranking (default true); hosts always can'),
});

export const ZTitle = z.string().trim().min(3, 'must be at least 3 characters').max(150);

export const ZBudget = z.object({
  limit: z.number().int().nullable(),
  used: z.number().int(),
  remaining: z.number().int().nullable(),
});

export const ZChallenge = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  prompt: z.string(),
  promptHtml: z.string(),
  status: z.enum(['draft', 'published']),
  phase: z.enum(PHASES),
  phases: z.object({ submission: z.string(), voting: z.string(), review: z.string(), closed: z.string() }),
  rules: z.object({ votesPerPerson: z.number().int().nullable(), submissionsDuringVoting: z.boolean(), publicRanking: z.boolean() }),
  ideas: z.number().int().describe('ideas not merged into another'),
  comparisons: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  viewer: z.object({
    isHost: z.boolean(),
    canSubmit: z.boolean(),
    canVote: z.boolean(),
    canSeeRanking: z.boolean(),
    budget: ZBudget.nullable().describe('null when not signed in'),
  }),
});

export { ZTag };

export const ZTags = z.array(ZTag).max(10).default([]);

export const ZIdeasQuery = ZPageQuery.extend({
  sort: z.enum(['top', 'new', 'ranked']).default('top'),
  status: z.enum(IDEA_STATUSES).optional(),
  tag: ZTag.optional(),
});

export const ZVotes = z.object({ up: z.number().int(), down: z.number().int(), net: z.number().int() });

export const ZIdea = z.object({
  id: z.string(),
  challengeId: z.string(),
  projectId: z.string(),
  title: z.string(),
  body: z.string(),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  status: z.enum(IDEA_STATUSES),
  statusNote: z.string().nullable().describe('seen by the author and the hosts only'),
  statusChangedAt: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string() }),
  votes: ZVotes,
  mergedIntoId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  viewer: z.object({ vote: z.number().int().nullable(), isAuthor: z.boolean() }),
  // Only in ?sort=ranked lists.
  rank: z.number().int().optional(),
  score: z.number().optional().describe('ranked: the chance of beating a random other idea (Bradley–Terry)'),
  interval: z.tuple([z.number(), z.number()]).optional().describe('ranked: 95% interval of the score'),
  comparisons: z.number().int().optional().describe('ranked: pairwise comparisons this idea took part in'),
});

export const ZVoteAnswer = z.object({
  ideaId: z.string(),
  value: z.number().int().nullable(),
  votes: ZVotes,
  budget: ZBudget,
});

export const ZMergeAnswer = z.object({
  idea: ZIdea.describe('the idea merged into'),
  merged: z.object({
    id: z.string(),
    votesMoved: z.number().int(),
    votesDropped: z.number().int().describe('votes of people who had voted on both: counted once'),
    comparisonsMoved: z.number().int(),
    comparisonsDropped: z.number().int(),
  }),
});

export const ZPair = z.object({ left: ZIdea, right: ZIdea });

export const ZComparison = z.object({
  id: z.string(),
  challengeId: z.string(),
  winnerId: z.string().nullable(),
  loserId: z.string().nullable(),
  tie: z.boolean(),
  ideaIds: z.tuple([z.string(), z.string()]),
  createdAt: z.string(),
});
