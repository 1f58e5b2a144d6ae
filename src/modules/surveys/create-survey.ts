// Creating, editing and deleting surveys (hosts).
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { surveyQuestions, surveys } from '../../db/schema/surveys.js';
import type { Actor } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { requireProjectHost } from '../projects/access.js';
import { manageSurvey } from './access.js';
import type { QuestionInput } from './questions.js';

export interface CreateSurveyInput {
  title: string;
  description?: string;
  anonymous?: boolean;
  resultsPublic?: boolean;
  questions: QuestionInput[];
}

export type UpdateSurveyInput = Partial<CreateSurveyInput>;

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
 * @example await createSurvey(ctx, actor, projectId, { title: 'Would you back it?', questions: [{ kind: 'nps', prompt: '…', required: true }] })
 */
export async function createSurvey(ctx: AppContext, actor: Actor, projectIdOrSlug: string, input: CreateSurveyInput): Promise<string> {
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
  return id;
}

/**
 * Edits a survey. Title, description and whether results are public change at any time; the questions and whether
 * anonymous answers are allowed only while it is a draft (answers already given refer to the questions).
 * Sending `questions` replaces them all (new ids).
 */
export async function updateSurvey(ctx: AppContext, actor: Actor, id: string, input: UpdateSurveyInput): Promise<void> {
  const { survey } = await manageSurvey(ctx.db, id, actor);
  if (survey.status !== 'draft' && (input.questions !== undefined || input.anonymous !== undefined)) {
    throw new AppError(409, 'survey_not_draft', 'Questions and anonymity can change only while the survey is a draft.', {
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
}

/** Deletes a draft survey (an opened survey keeps its answers: close it instead). */
export async function deleteSurvey(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { survey } = await manageSurvey(ctx.db, id, actor);
  if (survey.status !== 'draft') throw new AppError(409, 'survey_not_draft', 'Only a draft can be deleted; close an opened survey instead.');
  await ctx.db.delete(surveys).where(eq(surveys.id, id));
}
