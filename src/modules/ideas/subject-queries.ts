// How a challenge or an idea is found as the subject of a comment, a report or a notification, and where it belongs.
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { type SubjectRow, subjectRowOf } from '../subjects/registry.js';

/** A challenge as a subject: its project, and whether it is a draft. */
export const findChallengeSubject = (db: Executor, id: string): Promise<SubjectRow | null> =>
  subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM challenges WHERE id = ${id}`);

export const challengeScopeSql = (id: SQL): SQL =>
  sql`SELECT vs_c.project_id, vs_c.status = 'draft' AS draft FROM challenges vs_c WHERE vs_c.id = ${id}`;

/** An idea as a subject: its challenge's project, and whether that challenge is a draft. */
export const findIdeaSubject = (db: Executor, id: string): Promise<SubjectRow | null> =>
  subjectRowOf(
    db,
    sql`SELECT i.id, c.project_id, c.status = 'draft' AS draft FROM ideas i JOIN challenges c ON c.id = i.challenge_id WHERE i.id = ${id}`,
  );

export const ideaScopeSql = (id: SQL): SQL =>
  sql`SELECT vs_c.project_id, vs_c.status = 'draft' AS draft FROM ideas vs_i JOIN challenges vs_c ON vs_c.id = vs_i.challenge_id WHERE vs_i.id = ${id}`;
