import type { Executor } from '../../db/client.js';
import { DomainError } from '../../lib/errors.js';
import type { Survey } from './access.js';
import { selectLatestSurveyWithIntentOrPrice, selectSurveyOfProject } from './queries.js';

/**
 * For the validation panel: the survey asked for, else the latest opened survey with an intent or a price question.
 * @example await validationSurvey(db, project.id) // a Survey or null
 */
export async function validationSurvey(db: Executor, projectId: string, surveyId?: string): Promise<Survey | null> {
  if (surveyId) {
    const s = await selectSurveyOfProject(db, surveyId, projectId);
    if (!s) throw new DomainError('survey_not_found', 'No survey with this id on this project.', { field: 'querystring.surveyId' });
    return s;
  }
  return selectLatestSurveyWithIntentOrPrice(db, projectId);
}
