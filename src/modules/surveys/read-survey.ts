// Reading surveys: one survey with its questions (and the caller's own answers), and a project's list.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { findProject, isProjectHost } from '../projects/access.js';
import { loadQuestions, viewSurvey, type Survey } from './access.js';
import { selectSurveysOfProject, type SurveyStatus } from './queries.js';
import type { Question } from './questions.js';
import type { Respondent } from './respondent.js';
import { findResponse } from './submit-response.js';
import { countResponses, countResponsesOf } from './tally-queries.js';

/** A question as the API shows it (never its internal seq). */
export function presentQuestion(q: Question) {
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options,
    required: q.required,
    min: q.min,
    max: q.max,
    scale: q.kind === 'scale' ? (q.scale ?? 5) : null,
    currency: q.currency,
    intent: q.intent,
  };
}

/** The survey fields every view shares. */
export function presentSurveySummary(s: Survey, responses: number) {
  return {
    id: s.id,
    projectId: s.projectId,
    title: s.title,
    status: s.status,
    anonymous: s.anonymous,
    resultsPublic: s.resultsPublic,
    responses,
    openedAt: s.openedAt?.toISOString() ?? null,
    closedAt: s.closedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/**
 * The survey with its questions, what the caller may do, and the caller's own response (to edit it).
 * @example await presentSurvey(ctx, survey, isHost, knownRespondent(request))
 */
export async function presentSurvey(ctx: AppContext, survey: Survey, isHost: boolean, respondent: Respondent | null, actor: Actor | null) {
  const questions = await loadQuestions(ctx.db, survey.id);
  const mine = respondent ? await findResponse(ctx.db, survey, questions, respondent) : null;
  return {
    ...presentSurveySummary(survey, await countResponses(ctx.db, survey.id)),
    description: survey.description,
    descriptionHtml: renderMarkdown(survey.description),
    questions: questions.map(presentQuestion),
    viewer: {
      isHost,
      canAnswer: survey.status === 'open' && (actor !== null || survey.anonymous),
      canReadResults: isHost || (survey.resultsPublic && survey.status !== 'draft'),
    },
    myResponse: mine,
  };
}

/**
 * A project's surveys, newest first; drafts only for its hosts. Filter by `status` if given.
 * @example await listSurveys(ctx, 'my-project', actor, { limit: 20 })
 */
export async function listSurveys(
  ctx: AppContext,
  projectIdOrSlug: string,
  actor: Actor | null,
  q: { limit: number; cursor?: string; status?: SurveyStatus },
) {
  const project = await findProject(ctx.db, projectIdOrSlug, actor);
  const isHost = await isProjectHost(ctx.db, project, actor);
  const after = decodeCursor(q.cursor);
  const rows = await selectSurveysOfProject(ctx.db, project.id, {
    // Why: drafts are the hosts' work in progress.
    openedOnly: !isHost,
    status: q.status,
    after: after ? { createdAt: new Date(String(after.v)), id: after.id } : null,
    limit: q.limit + 1,
  });
  const page = pageOf(rows, q.limit, (s) => ({ v: s.createdAt.toISOString(), id: s.id }));
  const countOf = await countResponsesOf(
    ctx.db,
    page.items.map((s) => s.id),
  );
  return { items: page.items.map((s) => presentSurveySummary(s, countOf.get(s.id) ?? 0)), nextCursor: page.nextCursor };
}

/**
 * One survey as its caller sees it (drafts for hosts only), with the respondent's own response if known.
 * @example await showSurvey(ctx, 'srv_1', actor, knownRespondent(request))
 */
export async function showSurvey(ctx: AppContext, id: string, actor: Actor | null, respondent: Respondent | null) {
  const { survey, isHost } = await viewSurvey(ctx.db, id, actor);
  return presentSurvey(ctx, survey, isHost, respondent, actor);
}

/** A signed-in person as a respondent (a host reading back the survey they just changed). */
export const personRespondent = (actor: Actor): Respondent => ({ userId: actor.userId, respondentHash: null });
