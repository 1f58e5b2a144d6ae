// Loading surveys and deciding who may see, answer, manage them and read their results.
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, forbidden, notFound, unauthenticated } from '../../lib/errors.js';
import { findProject, isProjectHost, type Project } from '../projects/access.js';
import { selectQuestionsOfSurvey, selectSurvey, type Survey } from './queries.js';
import type { Question } from './questions.js';

export type { Survey };

/** A survey row by id, or a 404. */
export async function loadSurvey(db: Executor, id: string): Promise<Survey> {
  const s = await selectSurvey(db, id);
  if (!s) throw notFound('survey');
  return s;
}

/**
 * A survey's questions in order.
 * @example const qs = await loadQuestions(db, survey.id)
 */
export function loadQuestions(db: Executor, surveyId: string): Promise<Question[]> {
  return selectQuestionsOfSurvey(db, surveyId);
}

export interface SurveyAccess {
  survey: Survey;
  project: Project;
  isHost: boolean;
}

/**
 * The survey if the caller may see it, with its project and whether the caller hosts it.
 * @example const { survey, isHost } = await viewSurvey(db, id, request.actor)
 */
export async function viewSurvey(db: Executor, id: string, actor: Actor | null): Promise<SurveyAccess> {
  const survey = await loadSurvey(db, id);
  const project = await findProject(db, survey.projectId, actor);
  const isHost = await isProjectHost(db, project, actor);
  // Why: a draft is work in progress of the hosts; to everyone else it does not exist yet.
  if (survey.status === 'draft' && !isHost) throw notFound('survey');
  return { survey, project, isHost };
}

/** The survey if the caller hosts its project; else 401, 403, or 404 for a draft they cannot see. */
export async function manageSurvey(db: Executor, id: string, actor: Actor | null): Promise<SurveyAccess> {
  if (!actor) throw unauthenticated();
  const access = await viewSurvey(db, id, actor);
  // Why: only the project's hosts may change a survey, open or close it, or export what people answered.
  if (!access.isHost) throw forbidden('Only the hosts of this project can do this.');
  return access;
}

/**
 * The survey if the caller may read its results: hosts always; others when the host made results public and the
 * survey is not a draft. Segments other than "everyone" and free-text answers are for hosts only.
 */
export async function readResults(db: Executor, id: string, actor: Actor | null, segment: string): Promise<SurveyAccess> {
  const access = await viewSurvey(db, id, actor);
  if (access.isHost) return access;
  // Why: results stay with the hosts unless they chose to publish them.
  if (!access.survey.resultsPublic) throw new DomainError('results_private', 'The results of this survey are visible to its hosts only.');
  // Why: a small segment (two backers) would expose individual answers to the public.
  if (segment !== 'everyone')
    throw new DomainError('segment_private', 'Only the hosts can read results by segment.', { field: 'querystring.segment' });
  return access;
}
