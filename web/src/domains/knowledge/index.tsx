import type { WebDomain } from '../types';
import './knowledge.css';
import { AskPage } from './AskPage';
import { QuestionPage } from './QuestionPage';
import { QuestionsPage } from './QuestionsPage';
import { QuestionsTab } from './QuestionsTab';

// Questions and answers: the Questions tab on a project, the site-wide list, asking, and a question's page.
export const knowledgeDomain: WebDomain = {
  routes: [
    { path: '/questions', element: <QuestionsPage /> },
    { path: '/questions/ask', element: <AskPage /> },
    { path: '/p/:slug/questions/ask', element: <AskPage /> },
    { path: '/questions/:id', element: <QuestionPage /> },
  ],
  projectTab: { key: 'questions', labelKey: 'knowledge:tab', Component: QuestionsTab },
};
