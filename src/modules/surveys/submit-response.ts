// Answering a survey: one response per person (or anonymous browser), edited by answering again while it is open.
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Survey } from './access.js';
import { decodeAnswer, encodeAnswer, type AnswerRow, type AnswerValue, type Question } from './questions.js';
import type { Respondent } from './respondent.js';
import { selectSurveyStatusForShare } from './queries.js';
import {
  deleteAnswersOfResponse,
  insertAnswers,
  insertResponseIfNew,
  selectAnswersOfResponse,
  selectResponseOf,
  selectResponseOfForUpdate,
  touchResponse,
} from './response-queries.js';
import { tallyDeltas } from './tallies.js';
import { TALLY_SHARDS, applyTallyDeltas, countNewResponse } from './tally-queries.js';

export interface AnswerInput {
  questionId: string;
  value?: unknown;
}

interface Problem {
  field: string;
  message: string;
}

/**
 * Checks every answer against its question and the required questions; returns the rows to store, or throws one
 * 400 naming every problem (`body.answers[i].value`, `body.answers[i].questionId`, or `body.answers` for a missing
 * required question).
 * @example validateAnswers(questions, [{ questionId: q.id, value: 4 }]) // AnswerRow[]
 */
export function validateAnswers(questions: readonly Question[], answers: readonly AnswerInput[]): AnswerRow[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: Problem[] = [];
  const rows: AnswerRow[] = [];
  const seen = new Set<string>();
  const answered = new Set<string>();
  const failed = new Set<string>();
  for (const [i, a] of answers.entries()) {
    const q = byId.get(a.questionId);
    if (!q) {
      problems.push({ field: `body.answers[${i}].questionId`, message: 'is not a question of this survey' });
      continue;
    }
    if (seen.has(q.id)) {
      problems.push({ field: `body.answers[${i}].questionId`, message: 'is answered twice' });
      continue;
    }
    seen.add(q.id);
    const result = encodeAnswer(q, a.value);
    if ('error' in result) {
      failed.add(q.id);
      problems.push({ field: `body.answers[${i}].value`, message: result.error });
      continue;
    }
    if (result.rows.length) answered.add(q.id);
    rows.push(...result.rows);
  }
  for (const q of questions) {
    // A required question answered with a wrong value is already reported by its index.
    if (q.required && !answered.has(q.id) && !failed.has(q.id)) {
      problems.push({ field: 'body.answers', message: `question "${q.prompt}" (${q.id}) is required` });
    }
  }
  if (problems.length) {
    throw new DomainError('invalid_answer', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  return rows;
}

/** The respondent's response to a survey, decoded by question id, or null. */
export async function findResponse(db: Executor, survey: Survey, questions: readonly Question[], r: Respondent) {
  const resp = await selectResponseOf(db, survey.id, r);
  if (!resp) return null;
  const rows = await selectAnswersOfResponse(db, resp.seq);
  const answers: { questionId: string; value: AnswerValue }[] = [];
  for (const q of questions) {
    const value = decodeAnswer(
      q,
      rows.filter((row) => row.questionSeq === q.seq),
    );
    if (value !== null) answers.push({ questionId: q.id, value });
  }
  return { id: resp.id, createdAt: resp.createdAt.toISOString(), updatedAt: resp.updatedAt.toISOString(), answers };
}

/**
 * Stores a response, or replaces the respondent's earlier one while the survey is open, keeping the tallies in step.
 * @example const { id, created } = await submitResponse(ctx, survey, questions, respondent, answers)
 */
export async function submitResponse(
  ctx: AppContext,
  survey: Survey,
  questions: readonly Question[],
  respondent: Respondent,
  answers: readonly AnswerInput[],
): Promise<{ id: string; created: boolean }> {
  const rows = validateAnswers(questions, answers);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // FOR SHARE: a concurrent close waits for this answer to finish, and this answer sees a finished close.
    const status = await selectSurveyStatusForShare(tx, survey.id);
    if (status !== 'open') {
      throw new DomainError(
        status === 'closed' ? 'survey_closed' : 'survey_not_open',
        status === 'closed' ? 'This survey is closed: answers can no longer be given or changed.' : 'This survey is not open yet.',
      );
    }
    const inserted = await insertResponseIfNew(tx, {
      id: newId('srs'),
      surveyId: survey.id,
      userId: respondent.userId,
      respondentHash: respondent.respondentHash,
      createdAt: now,
      updatedAt: now,
    });
    let response = inserted;
    let before: AnswerRow[] = [];
    if (!response) {
      // A second answer from the same person: it replaces the first (one response per person).
      response = await selectResponseOfForUpdate(tx, survey.id, respondent);
      if (!response) throw new DomainError('response_conflict', 'Your answer crossed another one; send it again.');
      before = await selectAnswersOfResponse(tx, response.seq);
      await deleteAnswersOfResponse(tx, response.seq);
      await touchResponse(tx, response.seq, now);
    }
    const seq = response.seq;
    await insertAnswers(tx, seq, rows);
    const shard = Number(seq) % TALLY_SHARDS;
    await applyTallyDeltas(tx, shard, tallyDeltas(before, rows));
    if (inserted) await countNewResponse(tx, survey.id, shard);
    return { id: response.id, created: Boolean(inserted) };
  });
}
