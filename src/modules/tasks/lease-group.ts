// Leasing in groups: the lease requests that arrive while an earlier group is being served are served together,
// by one short transaction per batch and kind (gold or not) instead of one statement and one commit each.
//
// The transaction locks a handful of open items (FOR UPDATE SKIP LOCKED, in item order, so concurrent groups on
// other servers take other items), reads which of those items each worker already had, hands each worker the
// first locked item it has not had that still has a free place, and writes the leases and counters. The free
// places are counted on the locked rows, so an item never takes more than it wants, and the unique
// (item, worker) key stays the last guard against repeats. A worker left without an item here (an open lease of
// their own, no longer qualified, or nothing among the locked items) gets null, and leaseNext looks at why.
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { perDatabase } from '../../db/per-database.js';
import { GroupRunner } from '../../lib/group-runner.js';
import type { Batch } from './access.js';

export interface LeaseRequest {
  batch: Batch;
  gold: boolean;
  worker: string;
  id: string;
  now: Date;
  expiresAt: Date;
}

export interface GroupLease {
  id: string;
  data: Record<string, unknown>;
  done: number;
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(res: unknown) => (res as Rows<T>).rows;

/** Serves one batch-and-kind part of a group inside a transaction; returns the lease of each request served. */
async function leasePart(tx: Tx, part: LeaseRequest[]): Promise<Map<LeaseRequest, GroupLease>> {
  const { batch, gold, now } = part[0]!;
  const served = new Map<LeaseRequest, GroupLease>();
  const workers = [...new Set(part.map((r) => r.worker))];
  const candidates = rowsOf<{ id: string; data: Record<string, unknown>; free: number }>(
    await tx.execute(sql`
      SELECT i.id, i.data, i.wanted - i.answers_count - i.leased_count AS free FROM task_items i
      WHERE i.batch_id = ${batch.id} AND i.is_gold = ${gold} AND i.open
        AND EXISTS (SELECT 1 FROM task_batches b WHERE b.id = ${batch.id} AND b.status = 'published')
      ORDER BY i.seq LIMIT ${Math.min(256, 2 * part.length + 16)} FOR UPDATE OF i SKIP LOCKED`),
  );
  if (!candidates.length) return served;
  // What stands in the way: items already had, an open lease of one's own, a gold record below the threshold.
  const facts = rowsOf<{ kind: 'had' | 'busy' | 'unqualified' | 'done'; worker_ref: string; item_id: string | null; answers: number | null }>(
    await tx.execute(sql`
      SELECT 'had' AS kind, a.worker_ref, a.item_id, NULL::int AS answers FROM task_assignments a
        WHERE a.item_id = ANY(${sql.param(candidates.map((c) => c.id))}::text[]) AND a.worker_ref = ANY(${sql.param(workers)}::text[])
      UNION ALL
      SELECT 'busy', m.worker_ref, NULL, NULL FROM task_assignments m
        WHERE m.batch_id = ${batch.id} AND m.worker_ref = ANY(${sql.param(workers)}::text[]) AND m.status = 'leased' AND m.expires_at > ${now}
      UNION ALL
      SELECT CASE WHEN ${batch.minGoldAnswers}::int IS NOT NULL AND w.gold_answers >= ${batch.minGoldAnswers}::int
          AND w.gold_correct < ${batch.minGoldAccuracy ?? 0}::float8 * w.gold_answers THEN 'unqualified' ELSE 'done' END,
        w.worker_ref, NULL, w.answers
      FROM task_workers w WHERE w.batch_id = ${batch.id} AND w.worker_ref = ANY(${sql.param(workers)}::text[])`),
  );
  const had = new Set<string>();
  const blocked = new Set<string>();
  const done = new Map<string, number>();
  for (const f of facts) {
    if (f.kind === 'had') had.add(`${f.item_id}|${f.worker_ref}`);
    else if (f.kind === 'done') done.set(f.worker_ref, f.answers ?? 0);
    else blocked.add(f.worker_ref);
  }
  const free = new Map(candidates.map((c) => [c.id, c.free]));
  const chosen: { request: LeaseRequest; item: (typeof candidates)[number] }[] = [];
  for (const request of part) {
    if (blocked.has(request.worker)) continue;
    blocked.add(request.worker); // one lease a worker per group: a second request finds the first one's lease
    const item = candidates.find((c) => free.get(c.id)! > 0 && !had.has(`${c.id}|${request.worker}`));
    if (!item) continue;
    free.set(item.id, free.get(item.id)! - 1);
    had.add(`${item.id}|${request.worker}`);
    chosen.push({ request, item });
  }
  if (!chosen.length) return served;
  await tx.execute(sql`
    WITH v AS (
      SELECT * FROM unnest(${sql.param(chosen.map((c) => c.request.id))}::text[], ${sql.param(chosen.map((c) => c.item.id))}::text[],
        ${sql.param(chosen.map((c) => c.request.worker))}::text[]) AS v(id, item_id, worker)
    ), leased AS (
      INSERT INTO task_assignments (id, batch_id, item_id, worker_ref, user_id, status, leased_at, expires_at)
      SELECT v.id, ${batch.id}, v.item_id, v.worker, v.worker, 'leased', ${now}, ${part[0]!.expiresAt} FROM v
    ), counted AS (
      UPDATE task_items t SET leased_count = t.leased_count + c.n
      FROM (SELECT item_id, count(*)::int AS n FROM v GROUP BY item_id) c WHERE t.id = c.item_id
    )
    INSERT INTO task_workers (batch_id, worker_ref, user_id) SELECT DISTINCT ${batch.id}, v.worker, v.worker FROM v
    ON CONFLICT (batch_id, worker_ref) DO NOTHING`);
  for (const { request, item } of chosen) served.set(request, { id: item.id, data: item.data, done: done.get(request.worker) ?? 0 });
  return served;
}

/**
 * Serves lease requests in groups; each caller gets its lease or null (see the file's comment).
 * @example const lease = await leaseGrouper(ctx.database).lease({ batch, gold: false, worker, id, now, expiresAt })
 */
export class LeaseGrouper {
  private readonly runner: GroupRunner<LeaseRequest, GroupLease | null>;

  constructor(database: Database) {
    this.runner = new GroupRunner(async (group: LeaseRequest[]): Promise<(GroupLease | null)[]> => {
      const parts = new Map<string, LeaseRequest[]>();
      for (const r of group) {
        const key = `${r.batch.id}|${r.gold}`;
        parts.set(key, [...(parts.get(key) ?? []), r]);
      }
      const served = await database.db.transaction(async (tx) => {
        const all = new Map<LeaseRequest, GroupLease>();
        for (const part of parts.values()) for (const [r, l] of await leasePart(tx, part)) all.set(r, l);
        return all;
      });
      return group.map((r) => served.get(r) ?? null);
    });
  }

  lease(request: LeaseRequest): Promise<GroupLease | null> {
    return this.runner.run(request);
  }
}

/** The lease grouper of a database (one per process and database). */
export const leaseGrouper = perDatabase((database) => new LeaseGrouper(database));
