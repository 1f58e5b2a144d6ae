// Statements on the surveys and their questions (the surveys and survey_questions tables). Responses and answers are
// in response-queries.ts, the running tallies in tally-queries.ts, the results' aggregates in results-queries.ts.
import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { surveyQuestions, surveys, type SurveyStatus } from '../../db/schema/surveys.js';
import { type SubjectRow, subjectRowOf } from '../subjects/registry.js';
import type { Question } from './questions.js';

export type Survey = typeof surveys.$inferSelect;
export type NewSurvey = typeof surveys.$inferInsert;
export type { SurveyStatus };
/** A question row to insert, its position and survey given apart. */
export type NewQuestion = Omit<typeof surveyQuestions.$inferInsert, 'surveyId' | 'position'>;

/** A survey row by id, or null. */
export async function selectSurvey(db: Executor, id: string): Promise<Survey | null> {
  const [s] = await db.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  return s ?? null;
}

/** A survey row by id if it belongs to the project, or null. */
export async function selectSurveyOfProject(db: Executor, id: string, projectId: string): Promise<Survey | null> {
  const [s] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, id), eq(surveys.projectId, projectId)))
    .limit(1);
  return s ?? null;
}

/** The project's latest opened (open or closed) survey with an intent or a price question, or null. */
export async function selectLatestSurveyWithIntentOrPrice(db: Executor, projectId: string): Promise<Survey | null> {
  const [s] = await db
    .select()
    .from(surveys)
    .where(
      and(
        eq(surveys.projectId, projectId),
        inArray(surveys.status, ['open', 'closed']),
        sql`EXISTS (SELECT 1 FROM ${surveyQuestions} q WHERE q.survey_id = ${surveys.id} AND (q.intent OR q.kind = 'price'))`,
      ),
    )
    .orderBy(desc(surveys.openedAt), desc(surveys.id))
    .limit(1);
  return s ?? null;
}

/**
 * A page of a project's surveys, newest first: `limit` rows after the cursor (created at, id), of any status or
 * only opened ones, and of one status if given.
 */
export function selectSurveysOfProject(
  db: Executor,
  projectId: string,
  q: { openedOnly: boolean; status?: SurveyStatus; after: { createdAt: Date; id: string } | null; limit: number },
): Promise<Survey[]> {
  const { after } = q;
  return db
    .select()
    .from(surveys)
    .where(
      and(
        eq(surveys.projectId, projectId),
        q.openedOnly ? inArray(surveys.status, ['open', 'closed']) : undefined,
        q.status ? eq(surveys.status, q.status) : undefined,
        after
          ? or(lt(surveys.createdAt, after.createdAt), and(eq(surveys.createdAt, after.createdAt), lt(surveys.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(surveys.createdAt), desc(surveys.id))
    .limit(q.limit);
}

/**
 * The survey's status, locked FOR SHARE until the transaction ends (a concurrent close waits for it), or null.
 * @example await selectSurveyStatusForShare(tx, survey.id) // 'open'
 */
export async function selectSurveyStatusForShare(tx: Executor, id: string): Promise<SurveyStatus | null> {
  const [row] = await tx.select({ status: surveys.status }).from(surveys).where(eq(surveys.id, id)).for('share');
  return row?.status ?? null;
}

export async function insertSurvey(tx: Executor, row: NewSurvey): Promise<void> {
  await tx.insert(surveys).values(row);
}

/** Sets some fields of a survey. */
export async function updateSurveyFields(db: Executor, id: string, set: Partial<Omit<NewSurvey, 'id'>>): Promise<void> {
  await db.update(surveys).set(set).where(eq(surveys.id, id));
}

export async function deleteSurveyRow(db: Executor, id: string): Promise<void> {
  await db.delete(surveys).where(eq(surveys.id, id));
}

/**
 * A survey's questions in order.
 * @example const qs = await selectQuestionsOfSurvey(db, survey.id)
 */
export async function selectQuestionsOfSurvey(db: Executor, surveyId: string): Promise<Question[]> {
  const rows = await db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).orderBy(asc(surveyQuestions.position));
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    prompt: r.prompt,
    options: r.options,
    required: r.required,
    min: r.min,
    max: r.max,
    scale: r.scale,
    currency: r.currency,
    intent: r.intent,
  }));
}

/** Inserts a survey's questions, one statement each, at positions 0, 1, … in the order given. */
export async function insertQuestions(tx: Executor, surveyId: string, questions: readonly NewQuestion[]): Promise<void> {
  for (const [position, q] of questions.entries()) await tx.insert(surveyQuestions).values({ ...q, surveyId, position });
}

export async function deleteQuestionsOfSurvey(tx: Executor, surveyId: string): Promise<void> {
  await tx.delete(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId));
}

/** A survey as a subject (comments, reports): its project, and whether it is a draft. */
export function selectSurveySubject(db: Executor, id: string): Promise<SubjectRow | null> {
  return subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM surveys WHERE id = ${id}`);
}

/** Rows `(project_id, draft)` of the survey whose id is the SQL expression `id` (for the visibility rule). */
export const surveyScopeSql = (id: SQL) =>
  sql`SELECT vs_s.project_id, vs_s.status = 'draft' AS draft FROM surveys vs_s WHERE vs_s.id = ${id}`;
