import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { findProject } from '../projects/access.js';
import { pgErrorCode, UNDEFINED_COLUMN, UNDEFINED_TABLE } from './db-errors.js';

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
  /** Every table the lookup reads: a table not created yet means the subject cannot exist yet. */
  tables: string[];
  /** One row `{ id, project_id }` for the id, or none. */
  lookup(id: string): SQL;
  /** The existence check used if `lookup` names a column the other module spells differently. */
  table: string;
}

const direct = (table: string): Resolver => ({
  tables: [table],
  table,
  lookup: (id) => sql`SELECT id, project_id FROM ${sql.identifier(table)} WHERE id = ${id}`,
});

/**
 * How each subject type is found, in raw SQL on its owner module's tables (which this module does not import).
 * A type whose table does not exist yet answers 404, never 500.
 */
export const subjectResolvers: Record<Exclude<SubjectType, 'project'>, Resolver> = {
  update: direct('project_updates'),
  challenge: direct('challenges'),
  question: direct('questions'),
  campaign: direct('campaigns'),
  survey: direct('surveys'),
  batch: direct('task_batches'),
  idea: {
    tables: ['ideas', 'challenges'],
    table: 'ideas',
    lookup: (id) => sql`SELECT i.id, c.project_id FROM ideas i JOIN challenges c ON c.id = i.challenge_id WHERE i.id = ${id}`,
  },
  answer: {
    tables: ['answers', 'questions'],
    table: 'answers',
    lookup: (id) => sql`SELECT a.id, q.project_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = ${id}`,
  },
};

const subjectNotFound = (type: string) =>
  new AppError(404, 'subject_not_found', `No ${type} with this id to comment on.`, { field: 'subject' });

async function tablesExist(db: Executor, tables: string[]): Promise<boolean> {
  for (const table of tables) {
    const res = await db.execute(sql`SELECT to_regclass(${`public.${table}`}) IS NOT NULL AS present`);
    if (!(res as unknown as { rows: { present: boolean }[] }).rows[0]?.present) return false;
  }
  return true;
}

async function rowsOf(db: Executor, query: SQL): Promise<{ id: string; project_id?: string | null }[]> {
  const res = await db.execute(query);
  return (res as unknown as { rows: { id: string; project_id?: string | null }[] }).rows;
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
  let rows: { id: string; project_id?: string | null }[];
  try {
    rows = await rowsOf(db, resolver.lookup(id));
  } catch (e) {
    const code = pgErrorCode(e);
    if (code === UNDEFINED_TABLE) throw subjectNotFound(type);
    if (code !== UNDEFINED_COLUMN) throw e;
    // The owning module names its columns differently: the subject exists, its project is unknown.
    rows = await rowsOf(db, sql`SELECT id FROM ${sql.identifier(resolver.table)} WHERE id = ${id}`);
  }
  const row = rows[0];
  if (!row) throw subjectNotFound(type);
  if (!row.project_id) return { type, id: row.id, projectId: null, projectOwnerId: null, projectTitle: null };
  // Why: what belongs to a project hidden by moderation is hidden with it (its hosts and operators still see it).
  const project = await findProject(db, row.project_id, actor).catch((e) => {
    throw e instanceof AppError && e.status === 404 ? subjectNotFound(type) : e;
  });
  return { type, id: row.id, projectId: project.id, projectOwnerId: project.ownerId, projectTitle: project.title };
}
