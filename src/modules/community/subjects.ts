import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, isKind } from '../../lib/errors.js';
import { findProject, isProjectHost } from '../projects/access.js';
import { pgErrorCode, UNDEFINED_TABLE } from '../../db/errors.js';
import { parseSubject, subjectResolver, type SubjectRow, type SubjectType } from '../subjects/registry.js';

// What a comment is about: the types, and the visibility rule of lists, come from the registry the owners fill.
export { SUBJECT_PATTERN, SUBJECT_TYPES, parseSubject, subjectVisibleSql, type SubjectType } from '../subjects/registry.js';

export interface Subject {
  type: SubjectType;
  id: string;
  /** The project it belongs to (its feed gets the comment), when known. */
  projectId: string | null;
  /** The project's owner, told of comments on the project itself. */
  projectOwnerId: string | null;
  projectTitle: string | null;
}

const subjectNotFound = (type: string) =>
  new DomainError('subject_not_found', `No ${type} with this id to comment on.`, { field: 'subject' });

/**
 * Checks that a subject exists and that the caller may see it, and finds its project. Call it outside a
 * transaction: a lookup by the owning module may fail (a table not there yet), which would abort a transaction
 * on PostgreSQL. A type no module registered answers 404, as does a missing table: never 500.
 * @example const s = await resolveSubject(db, 'idea:ide_1', actor) // { type: 'idea', id, projectId, ... }
 */
export async function resolveSubject(db: Executor, subject: string, actor: Actor | null): Promise<Subject> {
  const { type, id } = parseSubject(subject);
  if (type === 'project') {
    const p = await findProject(db, id, actor).catch((e) => {
      throw isKind(e, 'not_found') ? subjectNotFound('project') : e;
    });
    return { type, id: p.id, projectId: p.id, projectOwnerId: p.ownerId, projectTitle: p.title };
  }
  const find = subjectResolver(type)?.find;
  if (!find) throw subjectNotFound(type);
  let row: SubjectRow | null;
  try {
    row = await find(db, id);
  } catch (e) {
    if (pgErrorCode(e) === UNDEFINED_TABLE) throw subjectNotFound(type);
    throw e;
  }
  if (!row) throw subjectNotFound(type);
  if (!row.projectId) return { type, id: row.id, projectId: null, projectOwnerId: null, projectTitle: null };
  // Why: what belongs to a project hidden by moderation is hidden with it (its hosts and operators still see it).
  const project = await findProject(db, row.projectId, actor).catch((e) => {
    throw isKind(e, 'not_found') ? subjectNotFound(type) : e;
  });
  // Why: a draft (campaign, survey, challenge, batch) is its hosts' work in progress, not yet open to the crowd.
  if (row.draft && !(await isProjectHost(db, project, actor))) throw subjectNotFound(type);
  return { type, id: row.id, projectId: project.id, projectOwnerId: project.ownerId, projectTitle: project.title };
}
