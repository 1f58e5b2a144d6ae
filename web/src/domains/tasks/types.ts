// Shapes of the micro-task API as the pages use them, named from the generated client (web/src/api/schema.d.ts).
import type { ApiItem, ApiResponse } from '../../api';

export type Batch = ApiResponse<'/api/v1/task-batches/{id}'>;
export type AnswerKind = Batch['answer']['kind'];
/** A task for the worker: the item, the batch's instructions, when the lease ends. */
export type Lease = ApiResponse<'/api/v1/task-batches/{id}/assignments', 'post'>;
export type Results = ApiResponse<'/api/v1/task-batches/{id}/results'>;
export type ResultItem = Results['items'][number];
export type TaskAnswer = NonNullable<ResultItem['answer']>;
export type WorkerRow = ApiItem<'/api/v1/task-batches/{id}/workers'>;
export type Submission = ApiItem<'/api/v1/task-batches/{id}/submissions'>;
export type MyAssignment = ApiItem<'/api/v1/me/assignments'>;
export type Earnings = ApiResponse<'/api/v1/me/task-earnings'>;

/** An answer as text: labels joined by commas. */
export const answerText = (a: TaskAnswer | null | undefined) =>
  a === null || a === undefined ? '—' : Array.isArray(a) ? a.join(', ') : String(a);
