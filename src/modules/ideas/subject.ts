import { sql } from 'drizzle-orm';
import { registerSubject, subjectRowOf } from '../subjects/registry.js';

// A challenge belongs to its project; a draft one is its hosts' only.
registerSubject('challenge', {
  find: (db, id) => subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM challenges WHERE id = ${id}`),
  visibleSql: (id) => sql`SELECT vs_c.project_id, vs_c.status = 'draft' AS draft FROM challenges vs_c WHERE vs_c.id = ${id}`,
});

// An idea belongs where its challenge does.
registerSubject('idea', {
  find: (db, id) =>
    subjectRowOf(
      db,
      sql`SELECT i.id, c.project_id, c.status = 'draft' AS draft FROM ideas i JOIN challenges c ON c.id = i.challenge_id WHERE i.id = ${id}`,
    ),
  visibleSql: (id) =>
    sql`SELECT vs_c.project_id, vs_c.status = 'draft' AS draft FROM ideas vs_i JOIN challenges vs_c ON vs_c.id = vs_i.challenge_id WHERE vs_i.id = ${id}`,
});
