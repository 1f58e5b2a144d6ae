import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { perDatabase } from '../../db/per-database.js';
import { rowsOf } from '../../db/rows.js';
import { GroupRunner } from '../../lib/group-runner.js';
import { projectHiddenText } from '../projects/project-sql.js';
import type { Pledge } from './pledge-queries.js';

/** The columns a new pledge is written with, in order (the statement's VALUES). */
const COLUMNS = [
  ['id', 'text'],
  ['campaign_id', 'text'],
  ['tier_id', 'text'],
  ['backer_id', 'text'],
  ['amount', 'bigint'],
  ['shipping_country', 'text'],
  ['shipping_cost', 'bigint'],
  ['status', 'text'],
  ['single', 'boolean'],
  ['idempotency_key', 'text'],
  ['request_hash', 'text'],
  ['first_answer', 'text'],
  ['provider', 'text'],
  ['method_token', 'text'],
  ['method_label', 'text'],
  ['charge_seq', 'int'],
  ['lease_until', 'timestamptz'],
  ['created_at', 'timestamptz'],
] as const;

/** What a new pledge is written with (the statement's columns); everything else starts empty. */
export type PledgeToWrite = Pick<
  Pledge,
  | 'id'
  | 'campaignId'
  | 'tierId'
  | 'backerId'
  | 'amount'
  | 'currency'
  | 'shippingCountry'
  | 'shippingCost'
  | 'status'
  | 'single'
  | 'idempotencyKey'
  | 'requestHash'
  | 'firstAnswer'
  | 'provider'
  | 'methodToken'
  | 'methodLabel'
  | 'chargeSeq'
  | 'leaseUntil'
  | 'createdAt'
>;

/** A new pledge as it stands once written: not charged, nothing refunded, updated when created. */
export function pledgeToWrite(fields: PledgeToWrite): Pledge {
  return {
    ...fields,
    chargeRef: null,
    erroredAt: null,
    fixDeadline: null,
    failureMessage: null,
    collectedAt: null,
    paymentFee: 0,
    platformFee: 0,
    refundedAmount: 0,
    updatedAt: fields.createdAt,
  };
}

function valuesOf(p: Pledge): unknown[] {
  return [
    p.id,
    p.campaignId,
    p.tierId,
    p.backerId,
    p.amount,
    p.shippingCountry,
    p.shippingCost,
    p.status,
    p.single,
    p.idempotencyKey,
    p.requestHash,
    p.firstAnswer,
    p.provider,
    p.methodToken,
    p.methodLabel,
    p.chargeSeq,
    p.leaseUntil?.toISOString() ?? null,
    p.createdAt.toISOString(),
  ];
}

const texts = new Map<number, string>();

/**
 * The statement writing `n` pledges, each only if, at this instant, its campaign is live and before its
 * deadline, its project is not hidden by moderation (the cached terms may be older than a hide), its tier (if
 * any) is not archived, and no failed answer is stored for its Idempotency-Key. The campaign and tier conditions are
 * the pledge rule of pledge-rule.ts, written here in SQL so that they hold at the instant of the write.
 * Any unique conflict (the same key again, a second pledge of one backer) skips that row alone.
 */
export function insertStatement(n: number): string {
  let text = texts.get(n);
  if (text) return text;
  const rows = Array.from(
    { length: n },
    (_, r) => `(${COLUMNS.map(([, type], c) => `$${r * COLUMNS.length + c + 1}::${type}`).join(', ')})`,
  );
  text = `INSERT INTO pledges (id, campaign_id, tier_id, backer_id, amount, currency, shipping_country, shipping_cost, status, single,
      idempotency_key, request_hash, first_answer, provider, method_token, method_label, charge_seq, lease_until, created_at, updated_at)
    SELECT v.id, c.id, v.tier_id, v.backer_id, v.amount, c.currency, v.shipping_country, v.shipping_cost, v.status, v.single,
      v.idempotency_key, v.request_hash, v.first_answer, v.provider, v.method_token, v.method_label, v.charge_seq, v.lease_until, v.created_at, v.created_at
    FROM (VALUES ${rows.join(', ')}) AS v(${COLUMNS.map(([name]) => name).join(', ')})
    JOIN campaigns c ON c.id = v.campaign_id
    WHERE c.status = 'live' AND c.closed_at IS NULL AND c.deadline > v.created_at AND NOT ${projectHiddenText('c.project_id')}
      AND (v.tier_id IS NULL OR EXISTS (SELECT 1 FROM campaign_tiers t WHERE t.id = v.tier_id AND t.campaign_id = c.id AND t.archived_at IS NULL))
      AND (v.idempotency_key IS NULL OR NOT EXISTS (SELECT 1 FROM pledge_requests r WHERE r.backer_id = v.backer_id AND r.idempotency_key = v.idempotency_key))
    ON CONFLICT DO NOTHING
    RETURNING id`;
  if (texts.size < 256) texts.set(n, text);
  return text;
}

/**
 * Writes pledges in one statement, outside any transaction; returns the ids actually written.
 * On PostgreSQL the statement is prepared once per connection and batch size.
 * @example const written = await insertPledges(database, [pledge])
 */
export async function insertPledges(database: Database, batch: Pledge[]): Promise<Set<string>> {
  const rows = await database.query<{ id: string }>(
    insertStatement(batch.length),
    batch.flatMap(valuesOf),
    `foule_pledges_${batch.length}`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Writes one pledge with the same guarded statement, inside the caller's transaction (a limited tier's place is
 * claimed in it first); true when written.
 */
export async function insertPledgeIn(tx: Executor, pledge: Pledge): Promise<boolean> {
  const text = insertStatement(1);
  const values = valuesOf(pledge);
  // Drizzle's sql template with the hand-built text: placeholders $1… map to the params in order.
  const chunks = text.split(/\$\d+/);
  const query = sql.join(
    chunks.map((chunk, i) => (i < values.length ? sql`${sql.raw(chunk)}${values[i]}` : sql.raw(chunk))),
    sql``,
  );
  return rowsOf(await tx.execute(query)).length === 1;
}

/**
 * Group commit for pledges: requests arriving while earlier writes are in flight are written together by
 * the next statement (no waiting on a timer: a lone pledge goes out at once). One statement and one commit
 * for many backers is what lets one hot campaign take thousands of pledges a second; each pledge is still
 * acknowledged only once its own row is committed, and a bad row fails only its own request.
 */
export class PledgeWriter {
  private readonly runner: GroupRunner<Pledge, boolean>;

  constructor(database: Database, maxInFlight = 1, maxBatch = 64) {
    this.runner = new GroupRunner(
      async (batch: Pledge[]) => {
        const written = await insertPledges(database, batch);
        return batch.map((p) => written.has(p.id));
      },
      maxInFlight,
      maxBatch,
    );
  }

  /** Writes one pledge (with others arriving meanwhile); true when written, false when its guard refused it. */
  write(pledge: Pledge): Promise<boolean> {
    return this.runner.run(pledge);
  }
}

/** The pledge writer of a database (one per process and database). */
export const pledgeWriter = perDatabase((database) => new PledgeWriter(database));
