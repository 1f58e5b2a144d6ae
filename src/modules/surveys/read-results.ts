// Reading a survey's results (by segment) and exporting its responses.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { followerIds } from '../community/audience.js';
import { backerUserIds } from '../funding/backers.js';
import { loadQuestions, manageSurvey, readResults } from './access.js';
import { exportResponses } from './export-csv.js';
import { surveyResults } from './results.js';
import { segmentFilter, type Segment } from './segments.js';

/**
 * The results of a survey for a segment: hosts always; others only when results are public, "everyone" only.
 * @example await readSurveyResults(ctx, 'srv_1', actor, 'backers')
 */
export async function readSurveyResults(ctx: AppContext, id: string, actor: Actor | null, segment: Segment) {
  const { survey, project, isHost } = await readResults(ctx.db, id, actor, segment);
  const questions = await loadQuestions(ctx.db, survey.id);
  const filter = await segmentFilter(ctx.db, project.id, segment);
  return surveyResults(ctx.db, survey, questions, filter, segment, isHost);
}

/**
 * Every response as a CSV stream (hosts), each marked backer or follower as they are now.
 * @example const { filename, csv } = await exportSurveyResponses(ctx, 'srv_1', actor)
 */
export async function exportSurveyResponses(ctx: AppContext, id: string, actor: Actor | null) {
  const { survey, project } = await manageSurvey(ctx.db, id, actor);
  const questions = await loadQuestions(ctx.db, survey.id);
  const backers = new Set(await backerUserIds(ctx.db, project.id));
  const followers = new Set(await followerIds(ctx.db, project.id));
  return { filename: `survey-${survey.id}.csv`, csv: exportResponses(ctx.db, survey, questions, backers, followers) };
}
