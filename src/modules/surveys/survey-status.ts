// Opening and closing surveys (hosts). draft → open → closed; a closed survey may be opened again.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError } from '../../lib/errors.js';
import { loadQuestions, manageSurvey } from './access.js';
import { updateSurveyFields } from './queries.js';
import { personRespondent, showSurvey } from './read-survey.js';

/**
 * Opens a draft (or reopens a closed survey) to answers.
 * @example const survey = await openSurvey(ctx, actor, surveyId)
 */
export async function openSurvey(ctx: AppContext, actor: Actor, id: string) {
  const { survey } = await manageSurvey(ctx.db, id, actor);
  if (survey.status === 'open') throw new DomainError('survey_already_open', 'This survey is already open.');
  if (!(await loadQuestions(ctx.db, id)).length)
    throw new DomainError('survey_empty', 'Add at least one question before opening the survey.');
  const now = ctx.clock.now();
  await updateSurveyFields(ctx.db, id, { status: 'open', openedAt: survey.openedAt ?? now, closedAt: null, updatedAt: now });
  return showSurvey(ctx, id, actor, personRespondent(actor));
}

/** Closes an open survey: no new answers, no more edits. */
export async function closeSurvey(ctx: AppContext, actor: Actor, id: string) {
  const { survey } = await manageSurvey(ctx.db, id, actor);
  if (survey.status !== 'open') throw new DomainError('survey_not_open', 'Only an open survey can be closed.');
  const now = ctx.clock.now();
  await updateSurveyFields(ctx.db, id, { status: 'closed', closedAt: now, updatedAt: now });
  return showSurvey(ctx, id, actor, personRespondent(actor));
}
