import { defineDomain, signedIn } from '../define';
import './surveys.css';
import { ResultsPage } from './ResultsPage';
import { EditSurveyPage, NewSurveyPage } from './SurveyBuilder';
import { SurveyPage } from './SurveyPage';
import { SurveysTab } from './SurveysTab';
import { ValidationPage } from './ValidationPage';

// The surveys pages, the Surveys tab on a project, and the validation panel; see web/src/domains/types.ts.
export const surveysDomain = defineDomain({
  pages: {
    '/surveys/:id': SurveyPage,
    '/surveys/:id/results': ResultsPage,
    '/surveys/:id/edit': EditSurveyPage,
    '/p/:slug/surveys/new': NewSurveyPage,
    '/p/:slug/validation': signedIn(ValidationPage),
  },
  tab: { key: 'surveys', namespace: 'surveys', Component: SurveysTab },
});
