import { registerSubject } from '../subjects/registry.js';
import { answerScopeSql, findAnswerSubject, findQuestionSubject, questionScopeSql } from './subject-sql.js';

// A question belongs to its project, or to none (a site-wide question).
registerSubject('question', { find: findQuestionSubject, visibleSql: questionScopeSql });

// An answer belongs where its question does.
registerSubject('answer', { find: findAnswerSubject, visibleSql: answerScopeSql });
