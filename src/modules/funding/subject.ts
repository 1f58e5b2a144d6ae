import { sql } from 'drizzle-orm';
import { registerSubject, subjectRowOf } from '../subjects/registry.js';

// A campaign belongs to its project; a draft one is its hosts' only.
registerSubject('campaign', {
  find: (db, id) => subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM campaigns WHERE id = ${id}`),
  visibleSql: (id) => sql`SELECT vs_c.project_id, vs_c.status = 'draft' AS draft FROM campaigns vs_c WHERE vs_c.id = ${id}`,
});
