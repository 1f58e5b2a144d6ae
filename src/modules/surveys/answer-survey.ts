// Answering a survey, as the API does it: who answers, the answer stored, and the response as it now stands.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { loadQuestions, viewSurvey } from './access.js';
import type { Respondent } from './respondent.js';
import { ZAnswerValue } from './schemas.js';
import { findResponse, submitResponse } from './submit-response.js';

export const ZSubmitResponseRequest = z.object({
  answers: z.array(z.object({ questionId: z.string().min(1).max(100), value: ZAnswerValue })).max(200),
});
export type SubmitResponseRequest = z.infer<typeof ZSubmitResponseRequest>;

/**
 * Answers a survey the caller may see, or replaces their earlier answer while it is open. `respondentFor` says who is
 * answering once the survey is known (an anonymous browser only where the survey allows it; the route reads cookies).
 * @example const { created, ...response } = await answerSurvey(ctx, 'srv_1', actor, (anon) => answeringRespondent(request, reply, ctx, anon), body)
 */
export async function answerSurvey(
  ctx: AppContext,
  id: string,
  actor: Actor | null,
  respondentFor: (allowAnonymous: boolean) => Respondent,
  input: SubmitResponseRequest,
) {
  const { survey } = await viewSurvey(ctx.db, id, actor);
  const respondent = respondentFor(survey.anonymous);
  const questions = await loadQuestions(ctx.db, survey.id);
  const { created } = await submitResponse(ctx, survey, questions, respondent, input.answers);
  const mine = (await findResponse(ctx.db, survey, questions, respondent))!;
  return { ...mine, created };
}
