import { z } from 'zod';
import { ZPageQuery } from '../../http/schemas.js';
import { IDEA_STATUSES } from '../../db/schema/ideas.js';

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
  votesPerPerson: z.number().int().min(0).max(10_000).nullable().optional().describe('up and down votes a person may cast in this challenge; null: no limit (default 10)'),
  submissionsDuringVoting: z.boolean().optional().describe('whether ideas may still be submitted in the voting phase (default false)'),
  publicRanking: z.boolean().optional().describe('whether everyone may see the pairwise ranking (default true); hosts always can'),
});

const ZTitle = z.string().trim().min(3, 'must be at least 3 characters').max(150);

export const ZCreateChallengeRequest = z.object({
  title: ZTitle,
  prompt: z.string().max(20_000).default('').describe('Markdown'),
  phases: ZPhases,
  rules: ZRules.default({}),
  status: z.enum(['draft', 'published']).default('draft').describe('a draft is seen by the hosts only'),
});
export type CreateChallengeRequest = z.infer<typeof ZCreateChallengeRequest>;

export const ZUpdateChallengeRequest = z.object({
  title: ZTitle.optional(),
  prompt: z.string().max(20_000).optional(),
  phases: ZPhases.optional(),
  rules: ZRules.optional(),
  status: z.enum(['draft', 'published']).optional().describe('publishing tells the project followers; a published challenge with ideas cannot go back to draft'),
});
export type UpdateChallengeRequest = z.infer<typeof ZUpdateChallengeRequest>;

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

const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}+#.-]*$/u, 'must be letters, digits, and + # . -');

export const ZTags = z.array(ZTag).max(10).default([]);

export const ZSubmitIdeaRequest = z.object({
  title: ZTitle,
  body: z.string().max(20_000).default('').describe('Markdown'),
  tags: ZTags,
});
export type SubmitIdeaRequest = z.infer<typeof ZSubmitIdeaRequest>;

export const ZUpdateIdeaRequest = z
  .object({
    title: ZTitle.optional(),
    body: z.string().max(20_000).optional(),
    tags: z.array(ZTag).max(10).optional(),
    status: z.enum(IDEA_STATUSES).optional().describe('hosts only'),
    note: z.string().trim().max(2000).nullable().optional().describe('hosts only: a note to the author about the status'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one field to change' });
export type UpdateIdeaRequest = z.infer<typeof ZUpdateIdeaRequest>;

export const ZVoteRequest = z.object({ value: z.union([z.literal(1), z.literal(-1)], { message: 'must be 1 or -1' }) });
export const ZMergeRequest = z.object({ intoId: z.string().min(1).max(100) });

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

export const ZComparisonRequest = z
  .object({
    winnerId: z.string().min(1).max(100).optional(),
    loserId: z.string().min(1).max(100).optional(),
    leftId: z.string().min(1).max(100).optional(),
    rightId: z.string().min(1).max(100).optional(),
    outcome: z.enum(['tie']).optional().describe("with leftId and rightId: can't decide"),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'tie') {
      if (!b.leftId) ctx.addIssue({ code: 'custom', path: ['leftId'], message: 'is required with outcome "tie"' });
      if (!b.rightId) ctx.addIssue({ code: 'custom', path: ['rightId'], message: 'is required with outcome "tie"' });
      if (b.leftId && b.leftId === b.rightId) ctx.addIssue({ code: 'custom', path: ['rightId'], message: 'must be another idea than leftId' });
      return;
    }
    if (!b.winnerId) ctx.addIssue({ code: 'custom', path: ['winnerId'], message: 'is required (or give leftId, rightId and outcome "tie")' });
    if (!b.loserId) ctx.addIssue({ code: 'custom', path: ['loserId'], message: 'is required (or give leftId, rightId and outcome "tie")' });
    if (b.winnerId && b.winnerId === b.loserId) ctx.addIssue({ code: 'custom', path: ['loserId'], message: 'must be another idea than winnerId' });
  });
export type ComparisonRequest = z.infer<typeof ZComparisonRequest>;

export const ZComparison = z.object({
  id: z.string(),
  challengeId: z.string(),
  winnerId: z.string().nullable(),
  loserId: z.string().nullable(),
  tie: z.boolean(),
  ideaIds: z.tuple([z.string(), z.string()]),
  createdAt: z.string(),
});
