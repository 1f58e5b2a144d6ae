import { registerSubject } from '../subjects/registry.js';
import { batchScopeSql, selectBatchSubject } from './batch-queries.js';

// A batch of tasks belongs to its project; a draft one is its hosts' only.
registerSubject('batch', { find: selectBatchSubject, visibleSql: batchScopeSql });
