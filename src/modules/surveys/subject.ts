import { registerSubject } from '../subjects/registry.js';
import { selectSurveySubject, surveyScopeSql } from './queries.js';

// A survey belongs to its project; a draft one is its hosts' only.
registerSubject('survey', { find: selectSurveySubject, visibleSql: surveyScopeSql });
