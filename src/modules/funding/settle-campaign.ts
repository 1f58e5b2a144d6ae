import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { campaigns, pledges, type CampaignStatus } from '../../db/schema/funding.js';
import { conflict, notFound } from '../../lib/errors.js';
import { notify } from '../notifications/service.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import type { Campaign } from './campaigns.js';
import { chargeBatch, claimForCharging, yieldToEventLoop, type ChargeBatchHooks } from './charge-batch.js';
import { sweepEscrow } from './escrow.js';
import { waitForPledgeWriters } from './locks.js';
import { recoverCollecting } from './recover.js';
import { rowsOf } from './util.js';

export interface SettleOptions {
  /** An operator ends a live campaign now instead of waiting for its deadline. */
  endNow?: boolean;
  /** The host calls the campaign off: nothing is charged, pending pledges are voided. */
  cancel?: boolean;
  batchSize?: number;
  concurrency?: number;
  hooks?: ChargeBatchHooks & { afterClaim?: () => void | Promise<void> };
  /** Who asked (an operator's settle, a host's cancel), for the audit log; the scheduler leaves it out (system). */
  audit?: AuditFrom;
}

export interface SettlementReport {
  campaignId: string;
  status: CampaignStatus;
  settled: boolean;
  settledAt: string | null;
  pledges: Record<string, number>;
}

/**
 * Settles a campaign whose deadline passed (the scheduler), or that an operator ends now: closes it to new
 * pledges, waits for pledges being written, decides the outcome from its pledges (all-or-nothing: goal met
 * or not; keep-it-all and donation: ended), then charges every pending pledge (success) or voids them
 * (failure), and finally releases the escrow, net of fees, to the host's balance.
 *
 * Every step is idempotent and resumable: killed at any point and run again, it finishes with each pledge
 * charged (once: the charge is keyed by pledge and charge number) or voided exactly once.
 * @example await settleCampaign(ctx, campaignId, { endNow: true })
 */
export async function settleCampaign(ctx: AppContext, campaignId: string, opts: SettleOptions = {}): Promise<SettlementReport> {
  let campaign = await load(ctx, campaignId);
  if (campaign.status === 'draft') {
    if (!opts.cancel) throw conflict('campaign_not_live', 'This campaign was never launched: there is nothing to settle.');
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      const [done] = await tx
        .update(campaigns)
        .set({ status: 'cancelled', closedAt: now, settledAt: now, updatedAt: now })
        .where(and(eq(campaigns.id, campaign.id), eq(campaigns.status, 'draft')))
        .returning();
      if (done) await auditDecision(tx, done, 'cancelled', 0, true, false, now, opts.audit);
    });
    return report(ctx, await load(ctx, campaignId));
  }
  if (campaign.status === 'live') {
    const now = ctx.clock.now();
    const due = campaign.deadline <= now || campaign.closedAt !== null;
    if (!due && !opts.endNow && !opts.cancel) {
      throw conflict(
        'campaign_still_live',
        `This campaign runs until ${campaign.deadline.toISOString()}; an operator can end it now with { "endNow": true }.`,
      );
    }
    await ctx.db
      .update(campaigns)
      .set({ closedAt: now, updatedAt: now })
      .where(and(eq(campaigns.id, campaign.id), isNull(campaigns.closedAt)));
    if ((await decide(ctx, campaign.id, Boolean(opts.cancel), opts)) === 'refused') {
      // Charge-at-once backers already paid: reopen (unless the deadline passed) and say so.
      await ctx.db
        .update(campaigns)
        .set({ closedAt: null })
        .where(
          and(eq(campaigns.id, campaign.id), eq(campaigns.status, 'live'), sql`${campaigns.deadline} > ${now.toISOString()}::timestamptz`),
        );
      throw conflict(
        'campaign_has_collected_pledges',
        'Backers were charged already: this campaign cannot be cancelled; end it instead, or refund them first.',
      );
    }
    campaign = await load(ctx, campaignId);
  } else if (opts.cancel && !campaign.settledAt) {
    throw conflict('campaign_closed', 'This campaign has already ended: it cannot be cancelled.');
  }
  if (campaign.settledAt) return report(ctx, campaign);

  if (campaign.status === 'succeeded') {
    for (;;) {
      const claimed = await claimForCharging(ctx, campaign.id, opts.batchSize ?? 1000);
      if (!claimed.length) break;
      await opts.hooks?.afterClaim?.();
      await chargeBatch(ctx, claimed, opts.concurrency ?? 16, opts.hooks);
      await yieldToEventLoop();
    }
  } else if (campaign.status === 'failed' || campaign.status === 'cancelled') {
    await voidPending(ctx, campaign);
  } else if (campaign.status === 'ended') {
    await recoverCollecting(ctx, { campaignId: campaign.id });
  }
  await finish(ctx, campaign, opts.audit);
  return report(ctx, await load(ctx, campaignId));
}

async function load(ctx: AppContext, id: string): Promise<Campaign> {
  const [campaign] = await ctx.db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!campaign) throw notFound('campaign');
  return campaign;
}

/** Decides the outcome once the campaign is closed and no pledge is being written any more. */
async function decide(ctx: AppContext, id: string, cancel: boolean, opts: SettleOptions = {}): Promise<'decided' | 'refused'> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await waitForPledgeWriters(tx);
    const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
    if (!c || c.status !== 'live') return 'decided';
    const [totals] = rowsOf<{ raised: string; charged: number }>(
      await tx.execute(sql`SELECT coalesce(sum(amount - refunded_amount) FILTER (WHERE status IN ('pending', 'charging', 'collected')), 0) AS raised,
        count(*) FILTER (WHERE status IN ('collecting', 'collected'))::int AS charged
        FROM pledges WHERE campaign_id = ${id}`),
    );
    const raised = Number(totals?.raised ?? 0);
    if (cancel && c.model !== 'all_or_nothing' && Number(totals?.charged ?? 0) > 0) return 'refused';
    const outcome: CampaignStatus = cancel
      ? 'cancelled'
      : c.model === 'all_or_nothing'
        ? raised >= c.goal
          ? 'succeeded'
          : 'failed'
        : 'ended';
    await tx.update(campaigns).set({ status: outcome, decidedRaised: raised, updatedAt: now }).where(eq(campaigns.id, id));
    await notify(tx, {
      userIds: [c.createdBy],
      kind: `campaign_${outcome}`,
      subject: `campaign:${id}`,
      data: { campaignId: id, projectId: c.projectId, raised, goal: c.goal, currency: c.currency },
    });
    if (cancel || (opts.endNow && c.deadline > now))
      await auditDecision(tx, c, outcome, raised, cancel, Boolean(opts.endNow), now, opts.audit);
    return 'decided';
  });
}

/** Voids the pending pledges of a campaign that failed or was cancelled (nobody is charged), in batches. */
async function voidPending(ctx: AppContext, campaign: Campaign): Promise<void> {
  for (;;) {
    const now = ctx.clock.now();
    const voided = await ctx.db.transaction(async (tx) => {
      const candidates = tx
        .select({ id: pledges.id })
        .from(pledges)
        .where(and(eq(pledges.campaignId, campaign.id), eq(pledges.status, 'pending')))
        .limit(5000)
        .for('update', { skipLocked: true });
      const rows = await tx
        .update(pledges)
        .set({ status: 'voided', updatedAt: now })
        .where(inArray(pledges.id, candidates))
        .returning({ backerId: pledges.backerId });
      if (rows.length)
        await notify(tx, {
          userIds: rows.map((r) => r.backerId),
          kind: `campaign_${campaign.status}_pledge_voided`,
          subject: `campaign:${campaign.id}`,
          data: { campaignId: campaign.id },
        });
      return rows.length;
    });
    if (!voided) return;
    await yieldToEventLoop();
  }
}

/** Once no pledge is left to charge or void: release the escrow to the host and mark the campaign settled. */
async function finish(ctx: AppContext, campaign: Campaign, from?: AuditFrom): Promise<void> {
  const [left] = rowsOf<{ n: number }>(
    await ctx.db.execute(
      sql`SELECT count(*)::int AS n FROM pledges WHERE campaign_id = ${campaign.id} AND status IN ('pending', 'charging', 'collecting')`,
    ),
  );
  if (Number(left?.n ?? 0) > 0) return;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(campaigns)
      .set({ settledAt: now, updatedAt: now })
      .where(and(eq(campaigns.id, campaign.id), isNull(campaigns.settledAt)))
      .returning();
    if (!done) return;
    const released = await sweepEscrow(tx, done, now);
    await notify(tx, {
      userIds: [done.createdBy],
      kind: 'campaign_settled',
      subject: `campaign:${done.id}`,
      data: { campaignId: done.id, status: done.status, released, currency: done.currency },
    });
    await recordAudit(
      tx,
      {
        action: 'campaign.settle',
        targetType: 'campaign',
        targetId: done.id,
        projectId: done.projectId,
        summary: `Settled campaign ${quote(done.title)} (${done.status}): ${released} ${done.currency} (minor units) released to the host`,
        data: { status: done.status, released, currency: done.currency, hostOwner: done.hostOwner, raised: done.decidedRaised },
        at: now,
      },
      from,
    );
  });
}

/** The audit entry of a campaign ended before its deadline (an operator's endNow) or called off (its host). */
async function auditDecision(
  tx: Executor,
  c: Campaign,
  outcome: CampaignStatus,
  raised: number,
  cancel: boolean,
  endNow: boolean,
  at: Date,
  from?: AuditFrom,
) {
  await recordAudit(
    tx,
    {
      action: cancel ? 'campaign.cancel' : 'campaign.end',
      targetType: 'campaign',
      targetId: c.id,
      projectId: c.projectId,
      summary: cancel
        ? `Called off campaign ${quote(c.title)}: pending pledges are voided`
        : `Ended campaign ${quote(c.title)} before its deadline: ${outcome}`,
      data: { outcome, raised, currency: c.currency, endNow },
      at,
    },
    from,
  );
}

async function report(ctx: AppContext, campaign: Campaign): Promise<SettlementReport> {
  const rows = await ctx.db
    .select({ status: pledges.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(pledges)
    .where(eq(pledges.campaignId, campaign.id))
    .groupBy(pledges.status);
  return {
    campaignId: campaign.id,
    status: campaign.status,
    settled: campaign.settledAt !== null,
    settledAt: campaign.settledAt?.toISOString() ?? null,
    pledges: Object.fromEntries(rows.map((r) => [r.status, r.n])),
  };
}
