import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZIdParams, errorResponses, paged } from '../../http/schemas.js';
import { setAccepted } from './accept.js';
import { answerQuestion, editAnswer } from './answers.js';
import { askQuestion, editQuestion, getQuestion, listQuestions } from './questions.js';
import {
  ZAnswer,
  ZAnswerRequest,
  ZAskRequest,
  ZEditQuestionRequest,
  ZQuestion,
  ZQuestionSummary,
  ZQuestionsQuery,
  ZVoteAnswer,
  ZVoteRequest,
} from './schemas.js';
import { voteAnswer, voteQuestion } from './votes.js';

const REPUTATION_NOTE =
  'Reputation: question voted up +5, down −2; answer voted up +10, down −2; accepted answer +15 (and +2 to the person who accepts); ' +
  'taking back or changing a vote, or un-accepting, reverses its points. Nobody votes on their own posts.';

export async function knowledgeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];
  const onId = idRouteSchema('knowledge');

  /** Voting on a post and taking the vote back: the same two routes on questions and on answers. */
  const voteRoutes = (post: 'question' | 'answer', vote: typeof voteQuestion) => {
    const what = post === 'question' ? 'a question' : 'an answer';
    r.post(
      `/${post}s/:id/votes`,
      onId({
        summary: `Vote ${what} up (1) or down (-1)`,
        description: REPUTATION_NOTE,
        body: ZVoteRequest,
        response: { 200: ZVoteAnswer },
      }),
      async (request) => vote(ctx, requireActor(request), request.params.id, request.body.value),
    );
    r.delete(
      `/${post}s/:id/votes`,
      { schema: { tags, summary: `Take my vote on ${what} back`, params: ZIdParams, response: { 200: ZVoteAnswer, ...errorResponses } } },
      async (request) => vote(ctx, requireActor(request), request.params.id, null),
    );
  };

  r.post(
    '/projects/:id/questions',
    onId({
      summary: 'Ask a question on a project',
      body: ZAskRequest,
      response: { 201: ZQuestion },
    }),
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await askQuestion(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(await getQuestion(ctx, actor, id));
    },
  );

  r.post(
    '/questions',
    {
      schema: {
        tags,
        summary: 'Ask a site-wide question (on no project)',
        body: ZAskRequest,
        response: { 201: ZQuestion, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await askQuestion(ctx, actor, null, request.body);
      return reply.status(201).send(await getQuestion(ctx, actor, id));
    },
  );

  r.get(
    '/questions',
    {
      schema: {
        tags,
        summary: 'Search and list questions',
        description:
          'q searches titles and bodies in English and French, accents ignored. Sorts: relevance (default with q), new (default), votes.',
        querystring: ZQuestionsQuery,
        response: { 200: paged(ZQuestionSummary), ...errorResponses },
      },
    },
    async (request) => listQuestions(ctx, request.actor, request.query),
  );

  r.get(
    '/projects/:id/questions',
    onId({
      summary: "A project's questions (same filters as GET /questions)",
      querystring: ZQuestionsQuery.omit({ projectId: true, scope: true }),
      response: { 200: paged(ZQuestionSummary) },
    }),
    async (request) => listQuestions(ctx, request.actor, { ...request.query, projectId: request.params.id, scope: 'all' }),
  );

  r.get(
    '/questions/:id',
    onId({
      summary: 'A question with its answers (accepted first, then by score)',
      response: { 200: ZQuestion },
    }),
    async (request) => getQuestion(ctx, request.actor, request.params.id),
  );

  r.patch(
    '/questions/:id',
    onId({
      summary: 'Edit a question (its author, or the project hosts)',
      body: ZEditQuestionRequest,
      response: { 200: ZQuestion },
    }),
    async (request) => {
      const actor = requireActor(request);
      await editQuestion(ctx, actor, request.params.id, request.body);
      return getQuestion(ctx, actor, request.params.id);
    },
  );

  voteRoutes('question', voteQuestion);

  r.post(
    '/questions/:id/answers',
    onId({
      summary: 'Answer a question',
      body: ZAnswerRequest,
      response: { 201: ZAnswer },
    }),
    async (request, reply) =>
      reply.status(201).send(await answerQuestion(ctx, requireActor(request), request.params.id, request.body.body)),
  );

  r.patch(
    '/answers/:id',
    onId({
      summary: 'Edit an answer (its author, or the project hosts)',
      body: ZAnswerRequest,
      response: { 200: ZAnswer },
    }),
    async (request) => editAnswer(ctx, requireActor(request), request.params.id, request.body.body),
  );

  voteRoutes('answer', voteAnswer);

  for (const accept of [true, false]) {
    r.route({
      method: accept ? 'POST' : 'DELETE',
      url: '/answers/:id/accept',
      ...onId({
        summary: accept ? 'Accept this answer (the author of the question)' : 'Take back the acceptance of this answer',
        ...(accept ? { description: REPUTATION_NOTE } : {}),
        response: { 200: ZQuestion },
      }),
      handler: async (request) => {
        const actor = requireActor(request);
        return getQuestion(ctx, actor, await setAccepted(ctx, actor, request.params.id, accept));
      },
    });
  }
}
