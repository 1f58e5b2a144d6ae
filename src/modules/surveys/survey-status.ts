// Opening and closing surveys (hosts). draft → open → closed; a closed survey may be opened again.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { surveys } from '../../db/schema/surveys.js';
import type { Actor } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { loadQuestions, manageSurvey } from './access.js';

/**
 * Opens a draft (or reopens a closed survey) to answers.
 * @example await openSurvey(ctx, actor, surveyId)
 */
export async function openSurvey(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { survey } = await manageSurvey(ctx.db, id, actor);
  if (survey.status === 'open') throw new AppError(409, 'survey_already_open', 'This survey is already open.');
  if (!(await loadQuestions(ctx.db, id)).length) throw new AppError(409, 'survey_empty', 'Add at least one question before opening the survey.');
  const now = ctx.clock.now();
  await ctx.db
    .update(surveys)
    .set({ status: 'open', openedAt: survey.openedAt ?? now, closedAt: null, updatedAt: now })
    .where(eq(surveys.id, id));
}

/** Closes an open survey: no new answers, no more edits. */
export async function closeSurvey(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { survey } = await manageSurvey(ctx.db, id, actor);
  if (survey.status !== 'open') throw new AppError(409, 'survey_not_open', 'Only an open survey can be closed.');
  const now = ctx.clock.now();
  await ctx.db.update(surveys).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(surveys.id, id));
}
