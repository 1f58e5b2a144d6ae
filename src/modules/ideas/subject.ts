import { registerSubject } from '../subjects/registry.js';
import { challengeScopeSql, findChallengeSubject, findIdeaSubject, ideaScopeSql } from './subject-queries.js';

// A challenge belongs to its project; a draft one is its hosts' only.
registerSubject('challenge', { find: findChallengeSubject, visibleSql: challengeScopeSql });

// An idea belongs where its challenge does.
registerSubject('idea', { find: findIdeaSubject, visibleSql: ideaScopeSql });
