import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict, notFound } from '../../lib/errors.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { notify } from '../notifications/service.js';
import { chargeClaimed, claimDuePledges, recordCharges, yieldToEventLoop, type ChargeBatchHooks } from './charge-batch.js';
import { countUnfinishedPledges, selectRaisedAndCharged, voidPendingPledges } from './charge-queries.js';
import {
  type Campaign,
  type CampaignStatus,
  cancelDraftCampaign,
  closeCampaign,
  markCampaignSettled,
  reopenCampaign,
  selectCampaign,
  selectCampaignForUpdate,
  setCampaignOutcome,
} from './campaign-queries.js';
import { sweepEscrow } from './escrow.js';
import { waitForPledgeWriters } from './lock-queries.js';
import { countPledgesByStatus } from './pledge-queries.js';
import { recoverCollecting } from './recover.js';

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
  let campaign = await loadCampaign(ctx, campaignId);
  if (campaign.status === 'draft') return cancelDraft(ctx, campaign, opts);
  if (campaign.status === 'live') campaign = await closeAndDecide(ctx, campaign, opts);
  else if (opts.cancel && !campaign.settledAt)
    throw conflict('campaign_closed', 'This campaign has already ended: it cannot be cancelled.');
  if (campaign.settledAt) return report(ctx, campaign);
  await settlePledges(ctx, campaign, opts);
  await releaseAndMarkSettled(ctx, campaign, opts.audit);
  return report(ctx, await loadCampaign(ctx, campaignId));
}

/** Step 2: what the outcome asks of the pledges: charge them (success), void them (failure), or finish charges at once (ended). */
async function settlePledges(ctx: AppContext, campaign: Campaign, opts: SettleOptions): Promise<void> {
  if (campaign.status === 'succeeded') await chargePending(ctx, campaign, opts);
  else if (campaign.status === 'failed' || campaign.status === 'cancelled') await voidPending(ctx, campaign);
  else if (campaign.status === 'ended') await recoverCollecting(ctx, { campaignId: campaign.id });
}

async function loadCampaign(ctx: AppContext, id: string): Promise<Campaign> {
  const campaign = await selectCampaign(ctx.db, id);
  if (!campaign) throw notFound('campaign');
  return campaign;
}

/** A draft called off by its host: cancelled and settled at once (nobody pledged). Anything else is refused. */
async function cancelDraft(ctx: AppContext, campaign: Campaign, opts: SettleOptions): Promise<SettlementReport> {
  if (!opts.cancel) throw conflict('campaign_not_live', 'This campaign was never launched: there is nothing to settle.');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const done = await cancelDraftCampaign(tx, campaign.id, now);
    if (done) await auditDecision(tx, done, 'cancelled', 0, true, false, now, opts.audit);
  });
  return report(ctx, await loadCampaign(ctx, campaign.id));
}

/**
 * Step 1: a live campaign past its deadline (or ended now, or called off) is closed to pledges, then its outcome is
 * decided. Calling off a campaign whose backers already paid is refused, and the campaign opens again.
 */
async function closeAndDecide(ctx: AppContext, campaign: Campaign, opts: SettleOptions): Promise<Campaign> {
  const now = ctx.clock.now();
  const due = campaign.deadline <= now || campaign.closedAt !== null;
  if (!due && !opts.endNow && !opts.cancel) {
    throw conflict(
      'campaign_still_live',
      `This campaign runs until ${campaign.deadline.toISOString()}; an operator can end it now with { "endNow": true }.`,
    );
  }
  await closeCampaign(ctx.db, campaign.id, now);
  if ((await decide(ctx, campaign.id, Boolean(opts.cancel), opts)) === 'refused') {
    // Charge-at-once backers already paid: reopen (unless the deadline passed) and say so.
    await reopenCampaign(ctx.db, campaign.id, now);
    throw conflict(
      'campaign_has_collected_pledges',
      'Backers were charged already: this campaign cannot be cancelled; end it instead, or refund them first.',
    );
  }
  return loadCampaign(ctx, campaign.id);
}

/** Decides the outcome once the campaign is closed and no pledge is being written any more. */
async function decide(ctx: AppContext, id: string, cancel: boolean, opts: SettleOptions = {}): Promise<'decided' | 'refused'> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await waitForPledgeWriters(tx);
    const c = await selectCampaignForUpdate(tx, id);
    if (c?.status !== 'live') return 'decided';
    const { raised, charged } = await selectRaisedAndCharged(tx, id);
    if (cancel && c.model !== 'all_or_nothing' && charged > 0) return 'refused';
    const outcome: CampaignStatus = cancel
      ? 'cancelled'
      : c.model === 'all_or_nothing'
        ? raised >= c.goal
          ? 'succeeded'
          : 'failed'
        : 'ended';
    await setCampaignOutcome(tx, id, outcome, raised, now);
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

/**
 * Step 2 of a success, batch after batch until none is left: claim pending pledges (and lapsed claims), charge them
 * (keyed by pledge and charge number), record the answers. Interrupted anywhere, a rerun reclaims the lapsed batch
 * and charges it with the same keys, so each pledge is charged once.
 */
async function chargePending(ctx: AppContext, campaign: Campaign, opts: SettleOptions): Promise<void> {
  const hooks = opts.hooks ?? {};
  for (;;) {
    const claimed = await claimDuePledges(ctx, campaign.id, opts.batchSize ?? 1000);
    if (!claimed.length) return;
    await hooks.afterClaim?.();
    const results = await chargeClaimed(ctx, claimed, opts.concurrency ?? 16);
    await hooks.afterCharges?.();
    await recordCharges(ctx, claimed, results);
    await hooks.afterRecord?.();
    await yieldToEventLoop();
  }
}

/** Step 2 of a failure or a cancellation: void the pending pledges (nobody is charged), in batches. */
async function voidPending(ctx: AppContext, campaign: Campaign): Promise<void> {
  for (;;) {
    const now = ctx.clock.now();
    const voided = await ctx.db.transaction(async (tx) => {
      const backerIds = await voidPendingPledges(tx, campaign.id, now, 5000);
      if (backerIds.length)
        await notify(tx, {
          userIds: backerIds,
          kind: `campaign_${campaign.status}_pledge_voided`,
          subject: `campaign:${campaign.id}`,
          data: { campaignId: campaign.id },
        });
      return backerIds.length;
    });
    if (!voided) return;
    await yieldToEventLoop();
  }
}

/** Step 3, once no pledge is left to charge or void: release the escrow to the host and mark the campaign settled. */
async function releaseAndMarkSettled(ctx: AppContext, campaign: Campaign, from?: AuditFrom): Promise<void> {
  if ((await countUnfinishedPledges(ctx.db, campaign.id)) > 0) return;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const done = await markCampaignSettled(tx, campaign.id, now);
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
  const rows = await countPledgesByStatus(ctx.db, campaign.id);
  return {
    campaignId: campaign.id,
    status: campaign.status,
    settled: campaign.settledAt !== null,
    settledAt: campaign.settledAt?.toISOString() ?? null,
    pledges: Object.fromEntries(rows.map((r) => [r.status, r.n])),
  };
}
