import { sql } from 'drizzle-orm';
import { isOperatorSql } from '../accounts/operator-sql.js';
import { managesOrgSql } from '../orgs/roles.js';
import { registerProjectGate, registerSubject } from '../subjects/registry.js';

// A project as a subject: `project:prj_…` belongs to itself (comments find it through findProject).
registerSubject('project', {
  visibleSql: (id) => sql`SELECT vs_p.id AS project_id, false AS draft FROM projects vs_p WHERE vs_p.id = ${id}`,
});

// Why: what belongs to a draft is its hosts' only; what belongs to a project hidden by moderation, its hosts' and
// operators' (as findProject and isProjectHost decide for one project). A role not given is read (an operator sees all).
registerProjectGate((scope, actor) => {
  const operator = actor && !actor.role ? sql` OR ${isOperatorSql(actor.userId)}` : sql``;
  const host = actor ? sql`(vs_pr.owner_id = ${actor.userId} OR ${managesOrgSql(sql`vs_pr.org_id`, actor.userId)}${operator})` : sql`FALSE`;
  return sql`NOT EXISTS (
    SELECT 1 FROM (${scope}) vs_s JOIN projects vs_pr ON vs_pr.id = vs_s.project_id
    WHERE (vs_s.draft OR vs_pr.hidden) AND NOT ${host})`;
});
