import type { WebDomain } from '../types';
import './surveys.css';
import { ResultsPage } from './ResultsPage';
import { EditSurveyPage, NewSurveyPage } from './SurveyBuilder';
import { SurveyPage } from './SurveyPage';
import { SurveysTab } from './SurveysTab';
import { ValidationPage } from './ValidationPage';

// The surveys pages, the Surveys tab on a project, and the validation panel; see web/src/domains/types.ts.
export const surveysDomain: WebDomain = {
  routes: [
    { path: '/surveys/:id', element: <SurveyPage /> },
    { path: '/surveys/:id/results', element: <ResultsPage /> },
    { path: '/surveys/:id/edit', element: <EditSurveyPage /> },
    { path: '/p/:slug/surveys/new', element: <NewSurveyPage /> },
    { path: '/p/:slug/validation', element: <ValidationPage /> },
  ],
  projectTab: { key: 'surveys', labelKey: 'surveys:tab', Component: SurveysTab },
};
