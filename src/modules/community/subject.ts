import { registerSubject } from '../subjects/registry.js';
import { commentScopeSql, findUpdateSubject, updateScopeSql } from './subject-sql.js';

// A project update (`update:…`) belongs to its project.
registerSubject('update', { find: findUpdateSubject, visibleSql: updateScopeSql });

// A comment (`comment:…`, in feeds and notifications) belongs where its subject does: one on a draft is as hidden.
registerSubject('comment', { visibleSql: commentScopeSql });
