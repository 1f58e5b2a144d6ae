import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, isKind } from '../../lib/errors.js';
import { findProject, isProjectHost } from '../projects/access.js';
import { type Answer, type Question, selectAnswer, selectQuestion } from './queries.js';

export type { Answer, Question };

export const questionNotFound = () => new DomainError('question_not_found', 'No question with this id.');
export const answerNotFound = () => new DomainError('answer_not_found', 'No answer with this id.');

export interface QuestionView {
  question: Question;
  /** Hosts of the question's project (or operators, for a site-wide question) may edit it. */
  canModerate: boolean;
}

/**
 * A question the caller may see: site-wide, or on a project they can see; else 404.
 * @example const { question } = await viewQuestion(db, 'qst_…', actor)
 */
export async function viewQuestion(db: Executor, id: string, actor: Actor | null): Promise<QuestionView> {
  const question = await selectQuestion(db, id);
  if (!question) throw questionNotFound();
  if (!question.projectId) return { question, canModerate: actor?.role === 'operator' };
  // Why: questions on a project hidden by moderation are hidden with it (its hosts still see them).
  const project = await findProject(db, question.projectId, actor).catch((e) => {
    throw isKind(e, 'not_found') ? questionNotFound() : e;
  });
  return { question, canModerate: await isProjectHost(db, project, actor) };
}

/**
 * An answer the caller may see, with its question; else 404.
 * @example const { answer, question } = await viewAnswer(db, 'ans_…', actor)
 */
export async function viewAnswer(db: Executor, id: string, actor: Actor | null): Promise<QuestionView & { answer: Answer }> {
  const answer = await selectAnswer(db, id);
  if (!answer) throw answerNotFound();
  const view = await viewQuestion(db, answer.questionId, actor).catch((e) => {
    throw isKind(e, 'not_found') ? answerNotFound() : e;
  });
  return { ...view, answer };
}
