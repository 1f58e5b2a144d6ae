// Where the community module's subjects belong, for the subjects registry: an update to its project, a comment to
// wherever its own subject belongs.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { type SubjectRow, subjectRowOf } from '../subjects/registry.js';

export function findUpdateSubject(db: Executor, id: string): Promise<SubjectRow | null> {
  return subjectRowOf(db, sql`SELECT id, project_id FROM project_updates WHERE id = ${id}`);
}

export function updateScopeSql(id: SQL): SQL {
  return sql`SELECT vs_u.project_id, false AS draft FROM project_updates vs_u WHERE vs_u.id = ${id}`;
}

export function commentScopeSql(id: SQL, scopeOf: (type: SQL, id: SQL) => SQL): SQL {
  return sql`SELECT vs_o.project_id, vs_o.draft FROM comments vs_cm
                CROSS JOIN LATERAL (${scopeOf(sql`vs_cm.subject_type`, sql`vs_cm.subject_id`)}) vs_o WHERE vs_cm.id = ${id}`;
}
