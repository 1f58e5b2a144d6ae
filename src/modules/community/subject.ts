import { sql } from 'drizzle-orm';
import { registerSubject, subjectRowOf } from '../subjects/registry.js';

// A project update (`update:…`) belongs to its project.
registerSubject('update', {
  find: (db, id) => subjectRowOf(db, sql`SELECT id, project_id FROM project_updates WHERE id = ${id}`),
  visibleSql: (id) => sql`SELECT vs_u.project_id, false AS draft FROM project_updates vs_u WHERE vs_u.id = ${id}`,
});

// A comment (`comment:…`, in feeds and notifications) belongs where its subject does: one on a draft is as hidden.
registerSubject('comment', {
  visibleSql: (id, scopeOf) => sql`SELECT vs_o.project_id, vs_o.draft FROM comments vs_cm
                CROSS JOIN LATERAL (${scopeOf(sql`vs_cm.subject_type`, sql`vs_cm.subject_id`)}) vs_o WHERE vs_cm.id = ${id}`,
});
