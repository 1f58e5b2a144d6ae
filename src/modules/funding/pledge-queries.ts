import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pledges, type PledgeStatus } from '../../db/schema/funding.js';

export type Pledge = typeof pledges.$inferSelect;

/** Statuses of a pledge that still stands (it holds its tier place and its one-per-backer slot). */
export const ACTIVE_STATUSES: PledgeStatus[] = ['collecting', 'pending', 'charging', 'collected', 'errored'];

/** How many standing pledges a tier has. */
export async function activePledgesOnTier(db: Executor, tierId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(pledges)
    .where(and(eq(pledges.tierId, tierId), inArray(pledges.status, ACTIVE_STATUSES)));
  return row?.n ?? 0;
}

/** The pledge as the API shows it. */
export function presentPledge(p: Pledge) {
  return {
    id: p.id,
    campaignId: p.campaignId,
    tierId: p.tierId,
    status: p.status === 'charging' ? 'pending' : p.status,
    amount: { amount: p.amount, currency: p.currency },
    shippingCountry: p.shippingCountry,
    shippingCost: p.shippingCost,
    paymentMethod: p.methodLabel,
    refunded: p.refundedAmount,
    fixDeadline: p.status === 'errored' ? (p.fixDeadline?.toISOString() ?? null) : null,
    failureMessage: p.status === 'errored' ? p.failureMessage : null,
    createdAt: p.createdAt.toISOString(),
    collectedAt: p.collectedAt?.toISOString() ?? null,
  };
}
