// Creating, editing and deleting surveys (hosts).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { surveyQuestions, surveys } from '../../db/schema/surveys.js';
import type { Actor } from '../../http/auth.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { requireProjectHost } from '../projects/access.js';
import { manageSurvey } from './access.js';
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

async function insertQuestions(tx: Tx, surveyId: string, questions: QuestionInput[]) {
  for (const [position, q] of questions.entries()) {
    await tx.insert(surveyQuestions).values({
      id: newId('sq'),
      surveyId,
      position,
      kind: q.kind,
      prompt: q.prompt,
      options: q.options ?? [],
      required: q.required,
      min: q.min ?? null,
      max: q.max ?? null,
      scale: q.kind === 'scale' ? (q.scale ?? 5) : null,
      currency: q.kind === 'price' ? (q.currency ?? null) : null,
      intent: q.intent,
    });
  }
}

/**
 * Creates a draft survey with its questions on a project the caller hosts.
 * @example const survey = await createSurvey(ctx, actor, projectId, { title: 'Would you back it?', questions: [{ kind: 'nps', prompt: '…', required: true }] })
 */
export async function createSurvey(ctx: AppContext, actor: Actor, projectIdOrSlug: string, input: CreateSurveyRequest) {
  const project = await requireProjectHost(ctx.db, projectIdOrSlug, actor);
  const id = newId('srv');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(surveys).values({
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
    await insertQuestions(tx, id, input.questions);
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
    await tx
      .update(surveys)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.resultsPublic !== undefined ? { resultsPublic: input.resultsPublic } : {}),
        ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(surveys.id, id));
    if (input.questions) {
      await tx.delete(surveyQuestions).where(eq(surveyQuestions.surveyId, id));
      await insertQuestions(tx, id, input.questions);
    }
  });
  return showSurvey(ctx, id, actor, personRespondent(actor));
}

/** Deletes a draft survey (an opened survey keeps its answers: close it instead). */
export async function deleteSurvey(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { survey } = await manageSurvey(ctx.db, id, actor);
  if (survey.status !== 'draft') throw new DomainError('survey_not_draft', 'Only a draft can be deleted; close an opened survey instead.');
  await ctx.db.delete(surveys).where(eq(surveys.id, id));
}
