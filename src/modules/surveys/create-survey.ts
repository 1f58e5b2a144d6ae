// Creating, editing and deleting surveys (hosts).
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { requireProjectHost } from '../projects/access.js';
import { manageSurvey } from './access.js';
import {
  deleteQuestionsOfSurvey,
  deleteSurveyRow,
  insertQuestions,
  insertSurvey,
  type NewQuestion,
  updateSurveyFields,
} from './queries.js';
import { ZQuestionInput, type QuestionInput } from './questions.js';
import { personRespondent, showSurvey } from './read-survey.js';

export const ZCreateSurveyRequest = z.object({
  title: z.string().trim().min(1, 'is required').max(200),
  description: z.string().max(20_000).optional(),
  anonymous: z.boolean().optional().describe('Let people without an account answer (one response per browser cookie).'),
  resultsPublic: z.boolean().optional().describe('Let everyone read the results ("everyone" segment) once the survey is open.'),
  questions: z
    .array(ZQuestionInput)
    .min(1, 'needs at least one question')
    .max(50)
    .refine((qs) => qs.filter((q) => q.intent).length <= 1, 'at most one question can measure intent to back'),
});

export type CreateSurveyRequest = z.infer<typeof ZCreateSurveyRequest>;

export const ZUpdateSurveyRequest = ZCreateSurveyRequest.partial();
export type UpdateSurveyRequest = z.infer<typeof ZUpdateSurveyRequest>;

/** The rows of the questions as a host wrote them: a scale's top defaults to 5; only a price question has a currency. */
const questionRows = (questions: readonly QuestionInput[]): NewQuestion[] =>
  questions.map((q) => ({
    id: newId('sq'),
    kind: q.kind,
    prompt: q.prompt,
    options: q.options ?? [],
    required: q.required,
    min: q.min ?? null,
    max: q.max ?? null,
    scale: q.kind === 'scale' ? (q.scale ?? 5) : null,
    currency: q.kind === 'price' ? (q.currency ?? null) : null,
    intent: q.intent,
  }));

/**
 * Creates a draft survey with its questions on a project the caller hosts.
 * @example const survey = await createSurvey(ctx, actor, projectId, { title: 'Would you back it?', questions: [{ kind: 'nps', prompt: '…', required: true }] })
 */
export async function createSurvey(ctx: AppContext, actor: Actor, projectIdOrSlug: string, input: CreateSurveyRequest) {
  const project = await requireProjectHost(ctx.db, projectIdOrSlug, actor);
  const id = newId('srv');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await insertSurvey(tx, {
      id,
      projectId: project.id,
      title: input.title,
      description: input.description ?? '',
      anonymous: input.anonymous ?? false,
      resultsPublic: input.resultsPublic ?? false,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertQuestions(tx, id, questionRows(input.questions));
  });
  return showSurvey(ctx, id, actor, personRespondent(actor));
}

/**
 * Edits a survey. Title, description and whether results are public change at any time; the questions and whether
 * anonymous answers are allowed only while it is a draft (answers already given refer to the questions).
 * Sending `questions` replaces them all (new ids).
 */
export async function updateSurvey(ctx: AppContext, actor: Actor, id: string, input: UpdateSurveyRequest) {
  const { survey } = await manageSurvey(ctx.db, id, actor);
  if (survey.status !== 'draft' && (input.questions !== undefined || input.anonymous !== undefined)) {
    throw new DomainError('survey_not_draft', 'Questions and anonymity can change only while the survey is a draft.', {
      field: input.questions !== undefined ? 'body.questions' : 'body.anonymous',
    });
  }
  await ctx.db.transaction(async (tx) => {
    await updateSurveyFields(tx, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.resultsPublic !== undefined ? { resultsPublic: input.resultsPublic } : {}),
      ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
      updatedAt: ctx.clock.now(),
    });
    if (input.questions) {
      await deleteQuestionsOfSurvey(tx, id);
      await insertQuestions(tx, id, questionRows(input.questions));
    }
  });
  return showSurvey(ctx, id, actor, personRespondent(actor));
}

/** Deletes a draft survey (an opened survey keeps its answers: close it instead). */
export async function deleteSurvey(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { survey } = await manageSurvey(ctx.db, id, actor);
  if (survey.status !== 'draft') throw new DomainError('survey_not_draft', 'Only a draft can be deleted; close an opened survey instead.');
  await deleteSurveyRow(ctx.db, id);
}
