import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, invalid, notFound } from '../../lib/errors.js';
import { newId, sha256 } from '../../lib/ids.js';
import { providerForPayment } from '../payments/service.js';
import { campaignTerms, type CampaignTerms } from './campaign-terms.js';
import { chargeAtOnce } from './collect-pledge.js';
import { rememberFailure, type PledgeAnswer } from './pledge-answers.js';
import { amountIn, shippingCostTo } from './money.js';
import { presentPledge, type Pledge } from './pledge-queries.js';
import { MIN_PLEDGE, type CreatePledgeRequest } from './schemas.js';
import { assertTakesPledges, assertTierTakesPledges } from './pledge-rule.js';
import { claimSlot } from './slots.js';
import { insertStatement, pledgeWriter } from './pledge-writer.js';
import { declineError, formatAmount, rowsOf } from './util.js';

/** A charge-at-once pledge is `collecting` while its card is charged; past this, recovery takes it over. */
export const COLLECT_LEASE_MS = 10 * 60_000;

export function requestHashOf(campaignId: string, body: CreatePledgeRequest): string {
  return sha256(`POST /campaigns/${campaignId}/pledges\n${JSON.stringify(body)}`);
}

function keyReused(): DomainError {
  return conflict('idempotency_key_reused', 'This Idempotency-Key was already used with a different request.');
}

interface Prior {
  kind: 'pledge' | 'request';
  id: string | null;
  request_hash: string | null;
  body: string | null;
  status: string | null;
  status_code: number | null;
}

/** What an earlier request with this key left: its pledge, or its stored error answer. One round trip. */
async function priorRequest(db: Executor, backerId: string, key: string): Promise<Prior | undefined> {
  const result = await db.execute(sql`
    SELECT 'pledge' AS kind, id, request_hash, first_answer AS body, status, NULL::int AS status_code
      FROM pledges WHERE backer_id = ${backerId} AND idempotency_key = ${key}
    UNION ALL
    SELECT 'request', NULL, request_hash, body, NULL, status_code
      FROM pledge_requests WHERE backer_id = ${backerId} AND idempotency_key = ${key}`);
  return rowsOf<Prior>(result)[0];
}

/**
 * Backs a campaign. The card is verified and saved first (a decline is a 402 and leaves nothing behind);
 * an all-or-nothing pledge is then written `pending` and charged only if the campaign succeeds, while
 * keep-it-all pledges and donations are charged at once. The pledge is written by one statement that also
 * checks the campaign is live and records the Idempotency-Key, so a retry after any crash finds it instead
 * of pledging twice; a limited tier's place is claimed in the same transaction, never oversold.
 * @example const answer = await createPledge(ctx, actor, campaignId, { amount: 2500, tierId, payment: { type: 'test_card', number: '4242424242424242' } }, key)
 */
export async function createPledge(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  body: CreatePledgeRequest,
  key?: string,
): Promise<PledgeAnswer> {
  const hash = key ? requestHashOf(campaignId, body) : null;
  try {
    return await pledgeOnce(ctx, actor, campaignId, body, key ?? null, hash);
  } catch (e) {
    if (!key || !(e instanceof DomainError) || e.kind === 'unexpected' || e.code === 'idempotency_key_reused') throw e;
    // A refusal: if this key was used before, the first answer stands (it may have been a success).
    const prior = await priorRequest(ctx.db, actor.userId, key);
    if (prior) return answerPrior(ctx, prior, hash);
    await rememberFailure(ctx.db, actor.userId, key, hash!, e, ctx.clock.now());
    throw e;
  }
}

/** The answer to a repeat of an earlier request with the same key: its answer, or the end of its work. */
async function answerPrior(ctx: AppContext, prior: Prior, hash: string | null): Promise<PledgeAnswer> {
  if (prior.request_hash !== hash) throw keyReused();
  if (prior.kind === 'request') return { statusCode: prior.status_code!, body: prior.body!, replayed: true };
  if (prior.body) return { statusCode: 201, body: prior.body, replayed: true };
  // The first request wrote the pledge and was interrupted while charging: finish its work.
  return chargeAtOnce(ctx, prior.id!, { replayed: true });
}

export interface Checked {
  tierId: string | null;
  amount: number;
  shippingCountry: string | null;
  shippingCost: number;
  limited: boolean;
}

/** A pledge's terms checked against the campaign's: 4xx naming the field for anything wrong. */
export function checkPledgeTerms(
  terms: CampaignTerms,
  body: Pick<CreatePledgeRequest, 'amount' | 'tierId' | 'shippingCountry'>,
  now: Date,
): Checked {
  const { campaign } = terms;
  assertTakesPledges(campaign, now);
  const amount = amountIn(body.amount, campaign.currency, 'body.amount');
  if (amount < MIN_PLEDGE)
    throw invalid('amount_too_small', `A pledge is at least ${formatAmount(MIN_PLEDGE, campaign.currency)}.`, { field: 'body.amount' });
  if (!body.tierId) return { tierId: null, amount, shippingCountry: body.shippingCountry ?? null, shippingCost: 0, limited: false };
  if (campaign.model === 'donation')
    throw invalid('donation_without_tiers', 'A donation campaign has no reward tiers: leave out tierId.', { field: 'body.tierId' });
  const tier = terms.tiers.get(body.tierId);
  assertTierTakesPledges(tier);
  let shippingCost = 0;
  if (tier.shipping) {
    if (!body.shippingCountry)
      throw invalid('shipping_country_required', 'This reward is shipped: say which country to ship it to.', {
        field: 'body.shippingCountry',
      });
    const cost = shippingCostTo(tier.shipping, body.shippingCountry);
    if (cost === null)
      throw invalid('no_shipping_to_country', `This reward does not ship to ${body.shippingCountry}.`, { field: 'body.shippingCountry' });
    shippingCost = cost;
  }
  const minimum = tier.price + shippingCost;
  if (amount < minimum) {
    const detail = shippingCost
      ? ` (${formatAmount(tier.price, campaign.currency)} plus ${formatAmount(shippingCost, campaign.currency)} shipping)`
      : '';
    throw invalid('amount_below_tier', `This reward needs a pledge of at least ${formatAmount(minimum, campaign.currency)}${detail}.`, {
      field: 'body.amount',
      minimum,
    });
  }
  return {
    tierId: tier.id,
    amount,
    shippingCountry: tier.shipping ? body.shippingCountry! : (body.shippingCountry ?? null),
    shippingCost,
    limited: tier.limitQty !== null,
  };
}

async function pledgeOnce(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  body: CreatePledgeRequest,
  key: string | null,
  hash: string | null,
): Promise<PledgeAnswer> {
  const now = ctx.clock.now();
  const terms = await campaignTerms(ctx, campaignId, body.tierId);
  if (terms.projectHidden || terms.campaign.status === 'draft') throw notFound('campaign');
  const checked = checkPledgeTerms(terms, body, now);
  const { campaign } = terms;

  const saved = await providerForPayment(ctx, body.payment).saveMethod(body.payment);
  if (!saved.ok) throw declineError(saved.decline);

  const chargeNow = campaign.model !== 'all_or_nothing';
  const pledge: Pledge = {
    id: newId('plg'),
    campaignId: campaign.id,
    tierId: checked.tierId,
    backerId: actor.userId,
    amount: checked.amount,
    currency: campaign.currency,
    shippingCountry: checked.shippingCountry,
    shippingCost: checked.shippingCost,
    status: chargeNow ? 'collecting' : 'pending',
    single: campaign.model !== 'donation',
    idempotencyKey: key,
    requestHash: hash,
    firstAnswer: null,
    provider: saved.method.provider,
    methodToken: saved.method.token,
    methodLabel: saved.method.label,
    chargeSeq: chargeNow ? 1 : 0,
    chargeRef: null,
    leaseUntil: chargeNow ? new Date(now.getTime() + COLLECT_LEASE_MS) : null,
    erroredAt: null,
    fixDeadline: null,
    failureMessage: null,
    collectedAt: null,
    paymentFee: 0,
    platformFee: 0,
    refundedAmount: 0,
    createdAt: now,
    updatedAt: now,
  };
  const answer = chargeNow ? null : JSON.stringify(presentPledge(pledge));
  pledge.firstAnswer = answer;

  // The hot path is one statement (written together with concurrent pledges); no lookup of the key first:
  // a repeat is recognised by the unique key on the pledge and answered on the slow path below.
  const inserted = checked.limited
    ? await ctx.db
        .transaction(async (tx) => {
          if (!(await claimSlot(tx, checked.tierId!, pledge.id)))
            throw conflict('tier_sold_out', 'This reward is sold out: choose another one.', { field: 'body.tierId' });
          // Not written: give the place back (rollback) and say why below.
          if (!(await insertGuarded(tx, pledge))) throw new NotInserted();
          return true;
        })
        .catch((e) => {
          if (e instanceof NotInserted) return false;
          throw e;
        })
    : await pledgeWriter(ctx.database).write(pledge);

  if (!inserted) return whyNotInserted(ctx, actor, campaign.id, pledge, key, hash);
  if (chargeNow) return chargeAtOnce(ctx, pledge.id, { replayed: false });
  return { statusCode: 201, body: answer!, replayed: false };
}

class NotInserted extends Error {}

/** The guarded write of one pledge inside a transaction (limited tiers): the same statement as the batched one. */
async function insertGuarded(tx: Executor, p: Pledge): Promise<boolean> {
  const text = insertStatement(1);
  const values = [
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
  // Drizzle's sql template with the hand-built text: placeholders $1… map to the params in order.
  const chunks = text.split(/\$\d+/);
  const query = sql.join(
    chunks.map((chunk, i) => (i < values.length ? sql`${sql.raw(chunk)}${values[i]}` : sql.raw(chunk))),
    sql``,
  );
  return rowsOf(await tx.execute(query)).length === 1;
}

/** The slow path: the guarded insert wrote nothing; find out why and answer accordingly. */
async function whyNotInserted(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  p: Pledge,
  key: string | null,
  hash: string | null,
): Promise<PledgeAnswer> {
  if (key) {
    // A repeat of this request (or a concurrent one that won the race): answer as the first did.
    const prior = await priorRequest(ctx.db, actor.userId, key);
    if (prior) return answerPrior(ctx, prior, hash);
  }
  const result = await ctx.db.execute(sql`
    SELECT c.status, c.closed_at, c.deadline, (SELECT p.hidden FROM projects p WHERE p.id = c.project_id) AS project_hidden,
      (SELECT id FROM pledges WHERE campaign_id = c.id AND backer_id = ${actor.userId} AND single
         AND status IN ('collecting', 'pending', 'charging', 'collected', 'errored') LIMIT 1) AS existing,
      (${p.tierId}::text IS NULL OR EXISTS (SELECT 1 FROM campaign_tiers t WHERE t.id = ${p.tierId} AND t.campaign_id = c.id AND t.archived_at IS NULL)) AS tier_ok
    FROM campaigns c WHERE c.id = ${campaignId}`);
  const row = rowsOf<{
    status: string;
    closed_at: unknown;
    deadline: string | Date;
    project_hidden: boolean;
    existing: string | null;
    tier_ok: boolean;
  }>(result)[0];
  // Why: a project hidden by moderation (perhaps after this process cached the campaign's terms) takes no pledge.
  if (!row || row.project_hidden) throw notFound('campaign');
  const now = ctx.clock.now();
  const deadline = new Date(row.deadline);
  assertTakesPledges({ status: row.status, closedAt: row.closed_at, deadline }, now);
  if (row.existing) {
    throw conflict('already_backed', 'You already back this campaign: change your pledge instead of making another.', {
      pledgeId: row.existing,
    });
  }
  // tier_ok is the tier part of the rule, read in SQL: no tier asked, or an unarchived tier of this campaign.
  assertTierTakesPledges(row.tier_ok ? { archivedAt: null } : null);
  throw conflict('pledge_conflict', 'Your pledge crossed another change to this campaign: please try again.');
}
