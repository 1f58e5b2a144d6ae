// Helpers for the funding tests (not a test file): a host with a project and a launched campaign.
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp, TestUser } from '../../../test/support/test-app.js';
import { DAY } from '../../../test/support/test-app.js';
import { TEST_CARDS } from '../payments/service.js';
import { rowsOf } from './util.js';

export const CARD = { type: 'test_card' as const, number: TEST_CARDS.ok };
export const DECLINED = { type: 'test_card' as const, number: TEST_CARDS.declined };
export const NO_FUNDS = { type: 'test_card' as const, number: TEST_CARDS.insufficientFunds };
export const FAILS_ON_CHARGE = { type: 'test_card' as const, number: TEST_CARDS.failsOnCharge };

export interface Fixture {
  host: TestUser;
  projectId: string;
  campaignId: string;
  tierIds: string[];
  campaign: Record<string, unknown> & { tiers: { id: string }[] };
}

let counter = 0;

/** A fresh host, project and campaign (launched unless `draft`), through the API. */
export async function campaignFixture(
  t: TestApp,
  opts: { model?: 'all_or_nothing' | 'keep_it_all' | 'donation'; goal?: number; currency?: string; tiers?: unknown[]; draft?: boolean; days?: number; host?: TestUser; orgId?: string } = {},
): Promise<Fixture> {
  const host = opts.host ?? (await t.signup('Host'));
  const project = await t.request(host, 'POST', '/api/v1/projects', { title: `Campaign project ${++counter}`, summary: 'A thing to fund', category: 'design', ...(opts.orgId ? { orgId: opts.orgId } : {}) });
  expect(project.statusCode, project.body).toBe(201);
  const model = opts.model ?? 'all_or_nothing';
  const created = await t.request(host, 'POST', `/api/v1/projects/${project.json().id}/campaigns`, {
    goal: { amount: opts.goal ?? 10_000, currency: opts.currency ?? 'EUR' },
    model,
    deadline: new Date(t.clock.now().getTime() + (opts.days ?? 30) * DAY).toISOString(),
    tiers: opts.tiers ?? (model === 'donation' ? [] : [{ title: 'Thanks', price: 1000 }]),
    stretchGoals: [],
  });
  expect(created.statusCode, created.body).toBe(201);
  const campaign = created.json();
  if (!opts.draft) {
    const launched = await t.request(host, 'POST', `/api/v1/campaigns/${campaign.id}/launch`);
    expect(launched.statusCode, launched.body).toBe(200);
  }
  return { host, projectId: project.json().id, campaignId: campaign.id, tierIds: campaign.tiers.map((x: { id: string }) => x.id), campaign };
}

/** Pledges through the API with a fresh Idempotency-Key (or the given one). */
export function pledge(t: TestApp, who: TestUser, campaignId: string, body: Record<string, unknown>, key: string | null = `k-${Math.random()}`) {
  return t.request(who, 'POST', `/api/v1/campaigns/${campaignId}/pledges`, { payment: CARD, ...body }, key ? { 'idempotency-key': key } : {});
}

/** One number from SQL. */
export async function scalar(t: TestApp, query: ReturnType<typeof sql>): Promise<number> {
  const row = rowsOf<Record<string, unknown>>(await t.ctx.db.execute(query))[0];
  return Number(Object.values(row ?? { n: 0 })[0] ?? 0);
}

/** The sum of every ledger entry per currency: all zero when the books add up. */
export async function trialBalanceIsZero(t: TestApp): Promise<boolean> {
  const rows = rowsOf<{ total: string }>(await t.ctx.db.execute(sql`SELECT currency, sum(amount) AS total FROM ledger_entries GROUP BY currency`));
  return rows.every((r) => Number(r.total) === 0);
}

/** Ledger entries of a campaign's transactions. */
export function campaignEntries(t: TestApp, campaignId: string) {
  return scalar(t, sql`SELECT count(*)::int FROM ledger_entries e JOIN ledger_transactions x ON x.id = e.transaction_id WHERE x.ref_type = 'campaign' AND x.ref_id = ${campaignId}`);
}
