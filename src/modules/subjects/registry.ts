import type { SQL } from './subject-sql.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';

/**
 * What a comment, a report, an activity or a notification is about, as `type:id`. Each module that owns a kind
 * of subject registers how to find one and where it belongs (`registerSubject`, from its own `subject.ts`); the
 * readers (community, notifications) ask this registry and never name another module's tables. It imports no
 * module, so any module may register into it.
 */

/** What people can comment on, as `type:id` (e.g. `project:prj_…`, `idea:ide_…`). */
export const SUBJECT_TYPES = ['project', 'update', 'idea', 'challenge', 'question', 'answer', 'campaign', 'survey', 'batch'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const SUBJECT_PATTERN = new RegExp(`^(${SUBJECT_TYPES.join('|')}):[A-Za-z0-9_-]{1,100}$`);

/** Types with a place in the visibility rule, in the order their SQL is joined (a comment belongs where its subject does). */
export const SCOPE_ORDER = [...SUBJECT_TYPES, 'comment'] as const;
type ScopeType = (typeof SCOPE_ORDER)[number];

/** One subject as its owner finds it. */
export interface SubjectRow {
  id: string;
  /** The project it belongs to, or null (a site-wide question). */
  projectId: string | null;
  /** A draft is its project's hosts' work in progress. */
  draft: boolean;
}

export interface SubjectResolver {
  /** The subject with this id, or null. A table not created yet may throw undefined_table: read as none. */
  find?(db: Executor, id: string): Promise<SubjectRow | null>;
  /**
   * Rows `(project_id, draft)` of the subject whose id is the SQL expression `id`: none for a subject of no
   * project. Aliases start with `vs_`. `scopeOf` gives the same for another subject, comments excepted.
   */
  visibleSql(id: SQL, scopeOf: (type: SQL, id: SQL) => SQL): SQL;
}

/**
 * Whether everything in `scope` (rows `(project_id, draft)`) may be shown to the actor: the projects' rule
 * (drafts to hosts, hidden projects to hosts and operators), registered by the projects module.
 */
export type ProjectGate = (scope: SQL, actor: (Pick<Actor, 'userId'> & { role?: Actor['role'] }) | null) => SQL;

const resolvers = new Map<ScopeType, SubjectResolver>();
let projectGate: ProjectGate | null = null;

/**
 * Registers (or, in a test, replaces) how a type of subject is found; returns the one it replaced.
 * @example registerSubject('campaign', { find: findCampaignSubject, visibleSql: (id) => sql`SELECT …` })
 */
export function registerSubject(type: ScopeType, resolver: SubjectResolver | undefined): SubjectResolver | undefined {
  const before = resolvers.get(type);
  if (resolver) resolvers.set(type, resolver);
  else resolvers.delete(type);
  return before;
}

/** How a type of subject is found, if its module registered it. */
export function subjectResolver(type: string): SubjectResolver | undefined {
  return resolvers.get(type as ScopeType);
}

/** Registers the projects' visibility rule (once, by the projects module). */
export function registerProjectGate(gate: ProjectGate): void {
  projectGate = gate;
}

/** The projects' visibility rule, once the projects module registered it. */
export function registeredProjectGate(): ProjectGate | null {
  return projectGate;
}

/**
 * Splits `type:id`; the route's schema has already checked the pattern.
 * @example parseSubject('project:prj_1') // { type: 'project', id: 'prj_1' }
 */
export function parseSubject(subject: string): { type: SubjectType; id: string } {
  const at = subject.indexOf(':');
  return { type: subject.slice(0, at) as SubjectType, id: subject.slice(at + 1) };
}

// The SQL the registry builds from what was registered; callers have always found it here.
export { subjectRowOf, subjectVisibleSql } from './subject-sql.js';
