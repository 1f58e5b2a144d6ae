// Where questions and answers belong, for the subjects registry: a question to its project (or to none, site-wide),
// an answer where its question does.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { type SubjectRow, subjectRowOf } from '../subjects/registry.js';

export function findQuestionSubject(db: Executor, id: string): Promise<SubjectRow | null> {
  return subjectRowOf(db, sql`SELECT id, project_id FROM questions WHERE id = ${id}`);
}

export function questionScopeSql(id: SQL): SQL {
  return sql`SELECT vs_q.project_id, false AS draft FROM questions vs_q WHERE vs_q.id = ${id} AND vs_q.project_id IS NOT NULL`;
}

export function findAnswerSubject(db: Executor, id: string): Promise<SubjectRow | null> {
  return subjectRowOf(db, sql`SELECT a.id, q.project_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = ${id}`);
}

export function answerScopeSql(id: SQL): SQL {
  return sql`SELECT vs_q.project_id, false AS draft FROM answers vs_a JOIN questions vs_q ON vs_q.id = vs_a.question_id WHERE vs_a.id = ${id} AND vs_q.project_id IS NOT NULL`;
}
