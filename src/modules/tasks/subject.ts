import { sql } from 'drizzle-orm';
import { registerSubject, subjectRowOf } from '../subjects/registry.js';

// A batch of tasks belongs to its project; a draft one is its hosts' only.
registerSubject('batch', {
  find: (db, id) => subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM task_batches WHERE id = ${id}`),
  visibleSql: (id) => sql`SELECT vs_t.project_id, vs_t.status = 'draft' AS draft FROM task_batches vs_t WHERE vs_t.id = ${id}`,
});
