import { defineDomain, signedIn } from '../define';
import './knowledge.css';
import { AskPage } from './AskPage';
import { QuestionPage } from './QuestionPage';
import { QuestionsPage } from './QuestionsPage';
import { QuestionsTab } from './QuestionsTab';

// Questions and answers: the Questions tab on a project, the site-wide list, asking, and a question's page.
export const knowledgeDomain = defineDomain({
  pages: {
    '/questions': QuestionsPage,
    '/questions/ask': signedIn(AskPage),
    '/p/:slug/questions/ask': signedIn(AskPage),
    '/questions/:id': QuestionPage,
  },
  tab: { key: 'questions', namespace: 'knowledge', Component: QuestionsTab },
});
