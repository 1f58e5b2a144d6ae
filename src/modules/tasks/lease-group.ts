// Leasing in groups: the lease requests that arrive while an earlier group is being served are served together,
// by one short transaction per batch and kind (gold or not) instead of one statement and one commit each.
//
// The transaction locks a handful of open items (FOR UPDATE SKIP LOCKED, in item order, so concurrent groups on
// other servers take other items), reads which of those items each worker already had, hands each worker the
// first locked item it has not had that still has a free place, and writes the leases and counters. The free
// places are counted on the locked rows, so an item never takes more than it wants, and the unique
// (item, worker) key stays the last guard against repeats. A worker left without an item here (an open lease of
// their own, no longer qualified, or nothing among the locked items) gets null, and leaseNext looks at why.
import type { Database, QueryFn } from '../../db/client.js';
import { perDatabase } from '../../db/per-database.js';
import { GroupRunner } from '../../lib/group-runner.js';
import { projectHiddenText } from '../projects/project-sql.js';
import type { Batch } from './batch-queries.js';

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

// The statements are written out: building them through the query builder cost more CPU than running them. Those
// given a name are prepared once per connection; their plan is the same whatever the values. The candidates are
// read only while the batch is published and its project not hidden: the batch row in hand may be older than that.
const CANDIDATES_SQL = `
  SELECT i.id, i.data, i.wanted - i.answers_count - i.leased_count AS free FROM task_items i
  WHERE i.batch_id = $1 AND i.is_gold = $2 AND i.open
    AND EXISTS (SELECT 1 FROM task_batches b WHERE b.id = $1 AND b.status = 'published' AND NOT ${projectHiddenText('b.project_id')})
  ORDER BY i.seq LIMIT $3 FOR UPDATE OF i SKIP LOCKED`;

// What stands in the way: items already had, an open lease of one's own, a gold record below the threshold.
// Planned for the arrays at hand (no name): a plan made without them probes the (item_id, worker_ref) index for
// every pair of the two arrays.
const FACTS_SQL = `
  SELECT 'had' AS kind, a.worker_ref, a.item_id, NULL::int AS answers FROM task_assignments a
    WHERE a.item_id = ANY($2::text[]) AND a.worker_ref = ANY($3::text[])
  UNION ALL
  SELECT 'busy', m.worker_ref, NULL, NULL FROM task_assignments m
    WHERE m.batch_id = $1 AND m.worker_ref = ANY($3::text[]) AND m.status = 'leased' AND m.expires_at > $4
  UNION ALL
  SELECT CASE WHEN $5::int IS NOT NULL AND w.gold_answers >= $5::int AND w.gold_correct < $6::float8 * w.gold_answers
      THEN 'unqualified' ELSE 'done' END,
    w.worker_ref, NULL, w.answers
  FROM task_workers w WHERE w.batch_id = $1 AND w.worker_ref = ANY($3::text[])`;

const LEASES_SQL = `
  WITH v AS (
    SELECT * FROM unnest($2::text[], $3::text[], $4::text[]) AS v(id, item_id, worker)
  ), leased AS (
    INSERT INTO task_assignments (id, batch_id, item_id, worker_ref, user_id, status, leased_at, expires_at)
    SELECT v.id, $1, v.item_id, v.worker, v.worker, 'leased', $5, $6 FROM v
  ), counted AS (
    UPDATE task_items t SET leased_count = t.leased_count + c.n
    FROM (SELECT item_id, count(*)::int AS n FROM v GROUP BY item_id) c WHERE t.id = c.item_id
  )
  INSERT INTO task_workers (batch_id, worker_ref, user_id) SELECT DISTINCT $1, v.worker, v.worker FROM v
  ON CONFLICT (batch_id, worker_ref) DO NOTHING`;

/** Serves one batch-and-kind part of a group inside a transaction; returns the lease of each request served. */
async function leasePart(query: QueryFn, part: LeaseRequest[]): Promise<Map<LeaseRequest, GroupLease>> {
  const { batch, gold, now } = part[0]!;
  const served = new Map<LeaseRequest, GroupLease>();
  const workers = [...new Set(part.map((r) => r.worker))];
  const candidates = await query<{ id: string; data: Record<string, unknown>; free: number }>(
    CANDIDATES_SQL,
    [batch.id, gold, Math.min(256, part.length + 8)],
    'foule_lease_candidates',
  );
  if (!candidates.length) return served;
  const facts = await query<{
    kind: 'had' | 'busy' | 'unqualified' | 'done';
    worker_ref: string;
    item_id: string | null;
    answers: number | null;
  }>(FACTS_SQL, [batch.id, candidates.map((c) => c.id), workers, now.toISOString(), batch.minGoldAnswers, batch.minGoldAccuracy ?? 0]);
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
  await query(
    LEASES_SQL,
    [
      batch.id,
      chosen.map((c) => c.request.id),
      chosen.map((c) => c.item.id),
      chosen.map((c) => c.request.worker),
      now.toISOString(),
      part[0]!.expiresAt.toISOString(),
    ],
    'foule_lease_write',
  );
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
      const served = await database.transaction(async (query) => {
        const all = new Map<LeaseRequest, GroupLease>();
        for (const part of parts.values()) for (const [r, l] of await leasePart(query, part)) all.set(r, l);
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
