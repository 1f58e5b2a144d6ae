// Statements on responses and their answers (the survey_responses and survey_answers tables).
import { and, asc, between, eq, gt, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { surveyAnswers, surveyResponses, surveys } from '../../db/schema/surveys.js';
import type { AnswerRow } from './questions.js';
import type { Respondent } from './respondent.js';

export type ResponseRow = typeof surveyResponses.$inferSelect;
export type StoredAnswer = typeof surveyAnswers.$inferSelect;

const respondentFilter = (surveyId: string, r: Respondent) =>
  and(
    eq(surveyResponses.surveyId, surveyId),
    r.userId !== null ? eq(surveyResponses.userId, r.userId) : eq(surveyResponses.respondentHash, r.respondentHash),
  );

/** The respondent's response to a survey, or null. */
export async function selectResponseOf(db: Executor, surveyId: string, r: Respondent): Promise<ResponseRow | null> {
  const [resp] = await db.select().from(surveyResponses).where(respondentFilter(surveyId, r)).limit(1);
  return resp ?? null;
}

/** The respondent's response to a survey, locked FOR UPDATE until the transaction ends, or null. */
export async function selectResponseOfForUpdate(
  tx: Executor,
  surveyId: string,
  r: Respondent,
): Promise<{ id: string; seq: number } | null> {
  const [resp] = await tx
    .select({ id: surveyResponses.id, seq: surveyResponses.seq })
    .from(surveyResponses)
    .where(respondentFilter(surveyId, r))
    .for('update');
  return resp ?? null;
}

/**
 * Inserts a response unless the respondent already has one for the survey (then null).
 * @example const inserted = await insertResponseIfNew(tx, { id, surveyId, userId, respondentHash: null, createdAt: now, updatedAt: now })
 */
export async function insertResponseIfNew(
  tx: Executor,
  row: typeof surveyResponses.$inferInsert,
): Promise<{ id: string; seq: number } | null> {
  const [inserted] = await tx
    .insert(surveyResponses)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: surveyResponses.id, seq: surveyResponses.seq });
  return inserted ?? null;
}

export async function touchResponse(tx: Executor, seq: number, updatedAt: Date): Promise<void> {
  await tx.update(surveyResponses).set({ updatedAt }).where(eq(surveyResponses.seq, seq));
}

/** The answer rows of one response. */
export function selectAnswersOfResponse(db: Executor, responseSeq: number): Promise<AnswerRow[]> {
  return db
    .select({
      questionSeq: surveyAnswers.questionSeq,
      item: surveyAnswers.item,
      num: surveyAnswers.num,
      textValue: surveyAnswers.textValue,
    })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.responseSeq, responseSeq));
}

/** The answer rows of one response to some questions (by the answers' primary key). */
export function selectAnswersOfResponseTo(db: Executor, responseSeq: number, questionSeqs: readonly number[]): Promise<StoredAnswer[]> {
  return db
    .select()
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.responseSeq, responseSeq), inArray(surveyAnswers.questionSeq, [...questionSeqs])));
}

export async function deleteAnswersOfResponse(tx: Executor, responseSeq: number): Promise<void> {
  await tx.delete(surveyAnswers).where(eq(surveyAnswers.responseSeq, responseSeq));
}

/** Inserts a response's answer rows in one statement. */
export async function insertAnswers(tx: Executor, responseSeq: number, rows: readonly AnswerRow[]): Promise<void> {
  if (rows.length) await tx.insert(surveyAnswers).values(rows.map((r) => ({ ...r, responseSeq })));
}

/**
 * A person's responses with the title and project of their survey, oldest first.
 * @example for (const { response, title, projectId } of await selectResponsesOfUser(db, userId)) …
 */
export function selectResponsesOfUser(db: Executor, userId: string) {
  return db
    .select({ response: surveyResponses, title: surveys.title, projectId: surveys.projectId })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .where(eq(surveyResponses.userId, userId))
    .orderBy(asc(surveyResponses.createdAt));
}

/** Up to `limit` of a survey's responses after the response seq `after`, in seq order. */
export function selectResponsePage(db: Executor, surveyId: string, after: number, limit: number): Promise<ResponseRow[]> {
  return db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), gt(surveyResponses.seq, after)))
    .orderBy(asc(surveyResponses.seq))
    .limit(limit);
}

/**
 * The answers to some questions of the responses whose seqs lie in [from, to]: a range of response seqs per
 * question, which the answers' primary key (question_seq, response_seq, item) serves.
 */
export function selectAnswersInRange(db: Executor, questionSeqs: readonly number[], from: number, to: number): Promise<StoredAnswer[]> {
  return db
    .select()
    .from(surveyAnswers)
    .where(and(inArray(surveyAnswers.questionSeq, [...questionSeqs]), between(surveyAnswers.responseSeq, from, to)));
}
