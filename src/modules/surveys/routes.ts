import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { paged } from '../../http/schemas.js';
import { ZSubmitResponseRequest, answerSurvey } from './answer-survey.js';
import { ZCreateSurveyRequest, ZUpdateSurveyRequest, createSurvey, deleteSurvey, updateSurvey } from './create-survey.js';
import { listSurveys, showSurvey } from './read-survey.js';
import { exportSurveyResponses, readSurveyResults } from './read-results.js';
import { answeringRespondent, knownRespondent } from './respondent.js';
import { ZResultsQuery, ZSubmitResponseAnswer, ZSurvey, ZSurveyListQuery, ZSurveyResults, ZSurveySummary } from './schemas.js';
import { closeSurvey, openSurvey } from './survey-status.js';

const onId = idRouteSchema('surveys');

export async function surveysRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/projects/:id/surveys',
    onId({
      summary: 'Create a draft survey with its questions (hosts)',
      description:
        'Kinds: single, multiple, scale (1…scale, 2–10, default 5), nps (0–10), number (min/max bounds), text, ranking ' +
        '(every option, best first), price (the four Van Westendorp questions in one: a currency, answers in minor units). ' +
        'The answer shows the questions with their ids.',
      body: ZCreateSurveyRequest,
      response: { 201: ZSurvey },
    }),
    async (request, reply) => reply.status(201).send(await createSurvey(ctx, requireActor(request), request.params.id, request.body)),
  );

  r.get(
    '/projects/:id/surveys',
    onId({
      summary: "A project's surveys, newest first (drafts for hosts only)",
      querystring: ZSurveyListQuery,
      response: { 200: paged(ZSurveySummary) },
    }),
    async (request) => listSurveys(ctx, request.params.id, request.actor, request.query),
  );

  r.get(
    '/surveys/:id',
    onId({
      summary: "A survey with its questions, what the caller may do, and the caller's own response",
      response: { 200: ZSurvey },
    }),
    async (request) => showSurvey(ctx, request.params.id, request.actor, knownRespondent(request)),
  );

  r.patch(
    '/surveys/:id',
    onId({
      summary: 'Edit a survey (hosts): questions and anonymity only while a draft',
      body: ZUpdateSurveyRequest,
      response: { 200: ZSurvey },
    }),
    async (request) => updateSurvey(ctx, requireActor(request), request.params.id, request.body),
  );

  r.delete('/surveys/:id', onId({ summary: 'Delete a draft survey (hosts)', response: { 204: z.null() } }), async (request, reply) => {
    await deleteSurvey(ctx, requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });

  const statusChanges = [
    ['open', 'Open a survey to answers (hosts); also reopens a closed one', openSurvey],
    ['close', 'Close a survey (hosts): no new answers or edits', closeSurvey],
  ] as const;
  for (const [action, summary, change] of statusChanges) {
    r.post(`/surveys/:id/${action}`, onId({ summary, response: { 200: ZSurvey } }), async (request) =>
      change(ctx, requireActor(request), request.params.id),
    );
  }

  r.post(
    '/surveys/:id/responses',
    {
      ...onId({
        summary: 'Answer a survey; answering again replaces your response while the survey is open',
        description:
          'One response per account. When the survey allows anonymous answers, a browser without an account may answer ' +
          'once per respondent cookie (HttpOnly, set on its first answer) and must send X-CSRF-Token from GET /auth/csrf. ' +
          'The cookie stops repeats from one browser, not a person who clears cookies or uses several browsers. ' +
          '201 when the response is created, 200 when it replaces an earlier one. A wrong answer is a 400 naming body.answers[i].value.',
        body: ZSubmitResponseRequest,
        response: { 200: ZSubmitResponseAnswer, 201: ZSubmitResponseAnswer },
      }),
      config: { auth: 'anyone', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const answer = await answerSurvey(
        ctx,
        request.params.id,
        request.actor,
        (anonymous) => answeringRespondent(request, reply, ctx, anonymous),
        request.body,
      );
      return reply.status(answer.created ? 201 : 200).send(answer);
    },
  );

  r.get(
    '/surveys/:id/results',
    onId({
      summary:
        'Results: counts, shares with 95% Wilson intervals, means with t intervals, medians, histograms, NPS, Borda, price sensitivity',
      description:
        'Hosts always; everyone else only when resultsPublic and only the "everyone" segment. Segments: everyone; backers ' +
        '(accounts backing one of the project campaigns now); followers (following the project now); others (neither, ' +
        'anonymous respondents included). Free-text answers (latest 20) are shown to hosts only. Prices are in minor units.',
      querystring: ZResultsQuery,
      response: { 200: ZSurveyResults },
    }),
    async (request) => readSurveyResults(ctx, request.params.id, request.actor, request.query.segment),
  );

  r.get(
    '/surveys/:id/results.csv',
    onId({
      summary: 'Every response as CSV (hosts): one column per question, four for a price question (major units)',
      response: { 200: z.string().describe('text/csv') },
    }),
    async (request, reply) => {
      const { filename, csv } = await exportSurveyResponses(ctx, request.params.id, request.actor);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv as unknown as string); // a stream is sent as is
    },
  );
}
