import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZPageQuery, paged } from '../../http/schemas.js';
import { listChallenges, showChallenge } from './challenges.js';
import { ZCreateChallengeRequest, createChallenge } from './create-challenge.js';
import { getIdea, listIdeas } from './ideas.js';
import { ZMergeRequest, mergeIdea } from './merge-ideas.js';
import { nextPair } from './next-pair.js';
import { ZComparisonRequest, recordComparison } from './record-comparison.js';
import { ZChallenge, ZComparison, ZIdea, ZIdeasQuery, ZMergeAnswer, ZPair, ZVoteAnswer } from './schemas.js';
import { ZSubmitIdeaRequest, submitIdea } from './submit-idea.js';
import { ZUpdateChallengeRequest, updateChallenge } from './update-challenge.js';
import { ZUpdateIdeaRequest, updateIdea } from './update-idea.js';
import { ZVoteRequest, castVote } from './cast-vote.js';
import { retractVote } from './retract-vote.js';
import { auditContext } from '../audit/record-audit.js';

const onId = idRouteSchema('ideas');

export async function ideasRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/projects/:id/challenges',
    onId({
      summary: 'Open an idea challenge on a project (hosts)',
      description:
        'Phases are given by their start dates: submission, voting, review, closed (in this order; equal dates skip a phase). ' +
        'Ideas are accepted in the submission phase (and in the voting phase with rules.submissionsDuringVoting); up/down votes ' +
        'and pairwise comparisons in the voting phase only. A draft is seen by the hosts only; publishing tells the followers.',
      body: ZCreateChallengeRequest,
      response: { 201: ZChallenge },
    }),
    async (request, reply) => reply.status(201).send(await createChallenge(ctx, requireActor(request), request.params.id, request.body)),
  );

  r.get(
    '/projects/:id/challenges',
    onId({
      summary: "A project's idea challenges, newest first (drafts for hosts only)",
      querystring: ZPageQuery,
      response: { 200: paged(ZChallenge) },
    }),
    async (request) => listChallenges(ctx, request.params.id, request.actor, request.query),
  );

  r.get(
    '/challenges/:id',
    onId({
      summary: 'A challenge with its phase, rules, and what the caller may do (votes left)',
      response: { 200: ZChallenge },
    }),
    async (request) => showChallenge(ctx, request.params.id, request.actor),
  );

  r.patch(
    '/challenges/:id',
    onId({
      summary: 'Edit or publish a challenge (hosts)',
      body: ZUpdateChallengeRequest,
      response: { 200: ZChallenge },
    }),
    async (request) => updateChallenge(ctx, requireActor(request), request.params.id, request.body),
  );

  r.post(
    '/challenges/:id/ideas',
    onId({
      summary: 'Submit an idea',
      description: 'In the submission phase (or the voting phase when the rules allow). 409 challenge_phase_closed otherwise, saying why.',
      body: ZSubmitIdeaRequest,
      response: { 201: ZIdea },
    }),
    async (request, reply) => reply.status(201).send(await submitIdea(ctx, requireActor(request), request.params.id, request.body)),
  );

  r.get(
    '/challenges/:id/ideas',
    onId({
      summary: "A challenge's ideas: top (net votes), new, or ranked (pairwise, Bradley–Terry)",
      description:
        'ranked: best first, each with score (the chance of beating a random other idea), its 95% interval and its number of comparisons. ' +
        'Merged duplicates are left out.',
      querystring: ZIdeasQuery,
      response: { 200: paged(ZIdea) },
    }),
    async (request) => listIdeas(ctx, request.actor, request.params.id, request.query),
  );

  r.get('/ideas/:id', onId({ summary: 'An idea', response: { 200: ZIdea } }), async (request) =>
    getIdea(ctx, request.actor, request.params.id),
  );

  r.patch(
    '/ideas/:id',
    onId({
      summary: 'Edit an idea (its author) or set its stage-gate status with a note to the author (hosts)',
      description: 'Statuses: submitted, shortlisted, selected, implemented, rejected.',
      body: ZUpdateIdeaRequest,
      response: { 200: ZIdea },
    }),
    async (request) => updateIdea(ctx, requireActor(request), request.params.id, request.body, auditContext(request)),
  );

  r.post(
    '/ideas/:id/votes',
    onId({
      summary: 'Vote an idea up (1) or down (-1), or change the vote',
      description: 'Each idea voted on uses one vote of the budget (rules.votesPerPerson); 409 vote_budget_exhausted when none is left.',
      body: ZVoteRequest,
      response: { 200: ZVoteAnswer, 201: ZVoteAnswer },
    }),
    async (request, reply) => {
      const { created, answer } = await castVote(ctx, requireActor(request), request.params.id, request.body.value);
      return reply.status(created ? 201 : 200).send(answer);
    },
  );

  r.delete(
    '/ideas/:id/votes',
    onId({
      summary: 'Take my vote back (it returns to my budget)',
      response: { 200: ZVoteAnswer },
    }),
    async (request) => retractVote(ctx, requireActor(request), request.params.id),
  );

  r.post(
    '/ideas/:id/merge',
    onId({
      summary: 'Merge this duplicate into another idea of the challenge (hosts)',
      description:
        "Votes move to the kept idea; a person who voted on both keeps one vote. Comparisons move; a person's repeated judgement of a pair is dropped.",
      body: ZMergeRequest,
      response: { 200: ZMergeAnswer },
    }),
    async (request) => mergeIdea(ctx, requireActor(request), request.params.id, request.body.intoId, auditContext(request)),
  );

  r.get(
    '/challenges/:id/pair',
    onId({
      summary: 'The next pair to compare ("which is better?")',
      description:
        'Chosen adaptively (ideas with few comparisons, close current scores, some randomness), never a pair you already judged. 409 no_pair_left when you judged them all.',
      response: { 200: ZPair },
    }),
    async (request) => nextPair(ctx, request.actor, request.params.id),
  );

  r.post(
    '/challenges/:id/comparisons',
    onId({
      summary: "Record a pairwise choice: {winnerId, loserId}, or {leftId, rightId, outcome: 'tie'} for can't decide",
      body: ZComparisonRequest,
      response: { 201: ZComparison },
    }),
    async (request, reply) => reply.status(201).send(await recordComparison(ctx, requireActor(request), request.params.id, request.body)),
  );
}
