import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { findProject, isProjectHost } from '../projects/access.js';
import { pgErrorCode, UNDEFINED_COLUMN, UNDEFINED_TABLE } from '../../db/errors.js';

/** What people can comment on, as `type:id` (e.g. `project:prj_…`, `idea:ide_…`). */
export const SUBJECT_TYPES = ['project', 'update', 'idea', 'challenge', 'question', 'answer', 'campaign', 'survey', 'batch'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const SUBJECT_PATTERN = new RegExp(`^(${SUBJECT_TYPES.join('|')}):[A-Za-z0-9_-]{1,100}$`);

export interface Subject {
  type: SubjectType;
  id: string;
  /** The project it belongs to (its feed gets the comment), when known. */
  projectId: string | null;
  /** The project's owner, told of comments on the project itself. */
  projectOwnerId: string | null;
  projectTitle: string | null;
}

interface Resolver {
  /** Every table the lookups read: a table not created yet means the subject cannot exist yet. */
  tables: string[];
  /**
   * Queries for one row `{ id, project_id?, draft? }`, tried in order: when one names a column the owning module
   * spells differently (undefined_column), the next, simpler one is tried; the last only checks the id exists.
   */
  lookups(id: string): SQL[];
}

/** A table with `project_id`, and, when `drafts`, a `status` whose 'draft' rows only the project's hosts see. */
const direct = (table: string, drafts = false): Resolver => ({
  tables: [table],
  lookups: (id) => [
    ...(drafts ? [sql`SELECT id, project_id, status = 'draft' AS draft FROM ${sql.identifier(table)} WHERE id = ${id}`] : []),
    sql`SELECT id, project_id FROM ${sql.identifier(table)} WHERE id = ${id}`,
    sql`SELECT id FROM ${sql.identifier(table)} WHERE id = ${id}`,
  ],
});

/**
 * How each subject type is found, in raw SQL on its owner module's tables (which this module does not import).
 * A type whose table does not exist yet answers 404, never 500.
 */
export const subjectResolvers: Record<Exclude<SubjectType, 'project'>, Resolver> = {
  update: direct('project_updates'),
  challenge: direct('challenges', true),
  question: direct('questions'),
  campaign: direct('campaigns', true),
  survey: direct('surveys', true),
  batch: direct('task_batches', true),
  idea: {
    tables: ['ideas', 'challenges'],
    lookups: (id) => [
      sql`SELECT i.id, c.project_id, c.status = 'draft' AS draft FROM ideas i JOIN challenges c ON c.id = i.challenge_id WHERE i.id = ${id}`,
      sql`SELECT i.id, c.project_id FROM ideas i JOIN challenges c ON c.id = i.challenge_id WHERE i.id = ${id}`,
      sql`SELECT id FROM ideas WHERE id = ${id}`,
    ],
  },
  answer: {
    tables: ['answers', 'questions'],
    lookups: (id) => [
      sql`SELECT a.id, q.project_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = ${id}`,
      sql`SELECT id FROM answers WHERE id = ${id}`,
    ],
  },
};

/**
 * Where a subject `type:id` belongs, in SQL: rows `(project_id, draft)`; none for a subject of no project (a
 * site-wide question) or of a type that is not a project's content (a pledge, an assignment: a person's own).
 * A comment belongs where its subject does: a comment on a draft is as hidden as the draft.
 * `type` and `id` are SQL expressions, typically columns of the row being listed.
 */
function subjectScopeSql(type: SQL, id: SQL, comments = true): SQL {
  const branch = (name: string, query: SQL) => sql`SELECT * FROM (${query}) vs_b WHERE ${type} = ${name}`;
  return sql.join(
    [
      branch('project', sql`SELECT vs_p.id AS project_id, false AS draft FROM projects vs_p WHERE vs_p.id = ${id}`),
      branch('update', sql`SELECT vs_u.project_id, false AS draft FROM project_updates vs_u WHERE vs_u.id = ${id}`),
      branch('challenge', sql`SELECT vs_c.project_id, vs_c.status = 'draft' AS draft FROM challenges vs_c WHERE vs_c.id = ${id}`),
      branch('idea', sql`SELECT vs_c.project_id, vs_c.status = 'draft' AS draft FROM ideas vs_i JOIN challenges vs_c ON vs_c.id = vs_i.challenge_id WHERE vs_i.id = ${id}`),
      branch('question', sql`SELECT vs_q.project_id, false AS draft FROM questions vs_q WHERE vs_q.id = ${id} AND vs_q.project_id IS NOT NULL`),
      branch('answer', sql`SELECT vs_q.project_id, false AS draft FROM answers vs_a JOIN questions vs_q ON vs_q.id = vs_a.question_id WHERE vs_a.id = ${id} AND vs_q.project_id IS NOT NULL`),
      branch('campaign', sql`SELECT vs_c.project_id, vs_c.status = 'draft' AS draft FROM campaigns vs_c WHERE vs_c.id = ${id}`),
      branch('survey', sql`SELECT vs_s.project_id, vs_s.status = 'draft' AS draft FROM surveys vs_s WHERE vs_s.id = ${id}`),
      branch('batch', sql`SELECT vs_t.project_id, vs_t.status = 'draft' AS draft FROM task_batches vs_t WHERE vs_t.id = ${id}`),
      ...(comments
        ? [
            branch(
              'comment',
              sql`SELECT vs_o.project_id, vs_o.draft FROM comments vs_cm
                CROSS JOIN LATERAL (${subjectScopeSql(sql`vs_cm.subject_type`, sql`vs_cm.subject_id`, false)}) vs_o WHERE vs_cm.id = ${id}`,
            ),
          ]
        : []),
    ],
    sql` UNION ALL `,
  );
}

/**
 * The visibility rule of every list read in bulk (feeds, notifications, their counts), in SQL: true when the
 * subject whose `type:id` is in `ref` may be shown to the actor, as resolveSubject decides for one subject. What
 * belongs to a draft is shown to its project's hosts only; what belongs to a project hidden by moderation, to its
 * hosts and operators only. It is evaluated when the list is read, so a draft's events appear once it is published.
 * @example sql`SELECT … FROM notifications n WHERE n.user_id = ${userId} AND ${subjectVisibleSql(sql`n.subject`, actor)}`
 */
export function subjectVisibleSql(ref: SQL, actor: Pick<Actor, 'userId'> & { role?: Actor['role'] } | null, opts: { isHost?: boolean } = {}): SQL {
  // Why: operators see everything; the caller may already know that the actor hosts the only project in the list.
  if (actor?.role === 'operator' || opts.isHost) return sql`TRUE`;
  const type = sql`split_part(${ref}, ':', 1)`;
  const id = sql`substr(${ref}, strpos(${ref}, ':') + 1)`;
  // A role not given is read here (an operator sees what is hidden).
  const operator = actor && !actor.role ? sql` OR EXISTS (SELECT 1 FROM users vs_op WHERE vs_op.id = ${actor.userId} AND vs_op.role = 'operator')` : sql``;
  const host = actor
    ? sql`(vs_pr.owner_id = ${actor.userId} OR EXISTS (SELECT 1 FROM org_members vs_m WHERE vs_m.org_id = vs_pr.org_id AND vs_m.user_id = ${actor.userId} AND vs_m.role IN ('owner', 'admin'))${operator})`
    : sql`FALSE`;
  return sql`(${ref} IS NULL OR NOT EXISTS (
    SELECT 1 FROM (${subjectScopeSql(type, id)}) vs_s JOIN projects vs_pr ON vs_pr.id = vs_s.project_id
    WHERE (vs_s.draft OR vs_pr.hidden) AND NOT ${host}))`;
}

const subjectNotFound = (type: string) =>
  new AppError(404, 'subject_not_found', `No ${type} with this id to comment on.`, { field: 'subject' });

async function tablesExist(db: Executor, tables: string[]): Promise<boolean> {
  for (const table of tables) {
    const res = await db.execute(sql`SELECT to_regclass(${`public.${table}`}) IS NOT NULL AS present`);
    if (!(res as unknown as { rows: { present: boolean }[] }).rows[0]?.present) return false;
  }
  return true;
}

interface SubjectRow {
  id: string;
  project_id?: string | null;
  draft?: boolean | null;
}

async function rowsOf(db: Executor, query: SQL): Promise<SubjectRow[]> {
  const res = await db.execute(query);
  return (res as unknown as { rows: SubjectRow[] }).rows;
}

/**
 * Splits `type:id`; the route's schema has already checked the pattern.
 * @example parseSubject('project:prj_1') // { type: 'project', id: 'prj_1' }
 */
export function parseSubject(subject: string): { type: SubjectType; id: string } {
  const at = subject.indexOf(':');
  return { type: subject.slice(0, at) as SubjectType, id: subject.slice(at + 1) };
}

/**
 * Checks that a subject exists and that the caller may see it, and finds its project. Call it outside a
 * transaction: a lookup on another module's table may fail (a table or column not there yet), which would
 * abort a transaction on PostgreSQL.
 * @example const s = await resolveSubject(db, 'idea:ide_1', actor) // { type: 'idea', id, projectId, ... }
 */
export async function resolveSubject(db: Executor, subject: string, actor: Actor | null): Promise<Subject> {
  const { type, id } = parseSubject(subject);
  if (type === 'project') {
    const p = await findProject(db, id, actor).catch((e) => {
      throw e instanceof AppError && e.status === 404 ? subjectNotFound('project') : e;
    });
    return { type, id: p.id, projectId: p.id, projectOwnerId: p.ownerId, projectTitle: p.title };
  }
  const resolver = subjectResolvers[type];
  if (!resolver || !(await tablesExist(db, resolver.tables))) throw subjectNotFound(type);
  let rows: SubjectRow[] = [];
  const lookups = resolver.lookups(id);
  for (const [i, query] of lookups.entries()) {
    try {
      rows = await rowsOf(db, query);
      break;
    } catch (e) {
      const code = pgErrorCode(e);
      if (code === UNDEFINED_TABLE) throw subjectNotFound(type);
      // The owning module names a column differently: try the next, simpler lookup.
      if (code !== UNDEFINED_COLUMN || i === lookups.length - 1) throw e;
    }
  }
  const row = rows[0];
  if (!row) throw subjectNotFound(type);
  if (!row.project_id) return { type, id: row.id, projectId: null, projectOwnerId: null, projectTitle: null };
  // Why: what belongs to a project hidden by moderation is hidden with it (its hosts and operators still see it).
  const project = await findProject(db, row.project_id, actor).catch((e) => {
    throw e instanceof AppError && e.status === 404 ? subjectNotFound(type) : e;
  });
  // Why: a draft (campaign, survey, challenge, batch) is its hosts' work in progress, not yet open to the crowd.
  if (row.draft && !(await isProjectHost(db, project, actor))) throw subjectNotFound(type);
  return { type, id: row.id, projectId: project.id, projectOwnerId: project.ownerId, projectTitle: project.title };
}
