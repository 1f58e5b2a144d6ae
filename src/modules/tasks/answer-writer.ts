// Recording answers in groups: the answers that arrive while an earlier group is being written go out together,
// in one statement and one commit (as pledges are), instead of one of each per answer.
import type { Database } from '../../db/client.js';
import { perDatabase } from '../../db/per-database.js';
import { GroupRunner } from '../../lib/group-runner.js';
import { projectHiddenText } from '../projects/project-sql.js';

export interface AnswerToWrite {
  assignmentId: string;
  answerJson: string;
  reward: number | null;
  submittedAt: string;
  /** On a gold item, whether the answer matches it (the worker's gold record moves with the answer); else null. */
  goldCorrect: boolean | null;
}

export interface WrittenAnswer {
  /** The item's answers and wanted count once this group is written. */
  answers_count: number;
  wanted: number;
}

// Each answer is written only while its lease is open, its batch not closed and its project not hidden by
// moderation (the batch row the caller checked may be cached from before a hide; closeBatch waits for statements
// like this one in flight). Prepared once per connection (the name): the assignments are found by their key
// alone, so the plan made without the arrays is the one wanted, and planning this statement cost more than
// running it for a group. The item and worker counters move by what the group added to each; the counter rows
// are taken in key order, so two groups on different servers wait for each other rather than deadlock.
const ANSWERS_SQL = `
  WITH v AS (
    SELECT * FROM unnest($1::text[], $2::jsonb[], $3::bigint[], $4::timestamptz[], $5::boolean[])
      AS v(id, answer, reward, submitted_at, gold_correct)
  ), answered AS (
    UPDATE task_assignments a SET status = 'submitted', answer = v.answer, submitted_at = v.submitted_at,
      is_gold = v.gold_correct IS NOT NULL, gold_correct = v.gold_correct, review = 'pending', reward_amount = v.reward
    FROM v
    WHERE a.id = v.id AND a.status = 'leased'
      AND EXISTS (SELECT 1 FROM task_batches b WHERE b.id = a.batch_id AND b.status <> 'closed' AND NOT ${projectHiddenText('b.project_id')})
    RETURNING a.id, a.item_id, a.batch_id, a.worker_ref, v.gold_correct
  ), items AS (
    UPDATE task_items t SET answers_count = t.answers_count + c.n, leased_count = t.leased_count - c.n
    FROM (SELECT item_id, count(*)::int AS n FROM answered GROUP BY item_id ORDER BY item_id) c
    WHERE t.id = c.item_id
    RETURNING t.id, t.answers_count, t.wanted
  ), workers AS (
    UPDATE task_workers w SET answers = w.answers + c.n, gold_answers = w.gold_answers + c.gold, gold_correct = w.gold_correct + c.correct
    FROM (
      SELECT batch_id, worker_ref, count(*)::int AS n, count(gold_correct)::int AS gold, count(*) FILTER (WHERE gold_correct)::int AS correct
      FROM answered GROUP BY batch_id, worker_ref ORDER BY batch_id, worker_ref
    ) c
    WHERE w.batch_id = c.batch_id AND w.worker_ref = c.worker_ref
  )
  SELECT answered.id, items.answers_count, items.wanted
  FROM answered JOIN items ON items.id = answered.item_id`;

/**
 * Writes answers on their leases, grouped with those arriving meanwhile; each caller gets its row, or null when
 * its lease was no longer open (or its batch closed, or its project hidden), to find out why.
 * @example const written = await answerWriter(ctx.database).write({ assignmentId, answerJson: '"cat"', reward: 5, submittedAt, goldCorrect: null })
 */
export class AnswerWriter {
  private readonly runner: GroupRunner<AnswerToWrite, WrittenAnswer | null>;

  constructor(database: Database) {
    this.runner = new GroupRunner(async (group: AnswerToWrite[]): Promise<(WrittenAnswer | null)[]> => {
      // The same lease twice in one group (a double submit): only the first is written, the other learns it is done.
      const first = new Map<string, AnswerToWrite>();
      for (const g of group) if (!first.has(g.assignmentId)) first.set(g.assignmentId, g);
      const unique = [...first.values()];
      const rows = await database.query<WrittenAnswer & { id: string }>(
        ANSWERS_SQL,
        [
          unique.map((g) => g.assignmentId),
          unique.map((g) => g.answerJson),
          unique.map((g) => g.reward),
          unique.map((g) => g.submittedAt),
          unique.map((g) => g.goldCorrect),
        ],
        'foule_answers_write',
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return group.map((g) => (first.get(g.assignmentId) === g ? (byId.get(g.assignmentId) ?? null) : null));
    });
  }

  write(answer: AnswerToWrite): Promise<WrittenAnswer | null> {
    return this.runner.run(answer);
  }
}

/** The answer writer of a database (one per process and database). */
export const answerWriter = perDatabase((database) => new AnswerWriter(database));
