import { sql } from 'drizzle-orm';
import { registerSubject, subjectRowOf } from '../subjects/registry.js';

// A question belongs to its project, or to none (a site-wide question).
registerSubject('question', {
  find: (db, id) => subjectRowOf(db, sql`SELECT id, project_id FROM questions WHERE id = ${id}`),
  visibleSql: (id) => sql`SELECT vs_q.project_id, false AS draft FROM questions vs_q WHERE vs_q.id = ${id} AND vs_q.project_id IS NOT NULL`,
});

// An answer belongs where its question does.
registerSubject('answer', {
  find: (db, id) =>
    subjectRowOf(db, sql`SELECT a.id, q.project_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = ${id}`),
  visibleSql: (id) =>
    sql`SELECT vs_q.project_id, false AS draft FROM answers vs_a JOIN questions vs_q ON vs_q.id = vs_a.question_id WHERE vs_a.id = ${id} AND vs_q.project_id IS NOT NULL`,
});
