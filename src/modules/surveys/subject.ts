import { sql } from 'drizzle-orm';
import { registerSubject, subjectRowOf } from '../subjects/registry.js';

// A survey belongs to its project; a draft one is its hosts' only.
registerSubject('survey', {
  find: (db, id) => subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM surveys WHERE id = ${id}`),
  visibleSql: (id) => sql`SELECT vs_s.project_id, vs_s.status = 'draft' AS draft FROM surveys vs_s WHERE vs_s.id = ${id}`,
});
