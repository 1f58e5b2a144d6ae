import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { keyReusedError, requestFingerprint } from '../../http/idempotency.js';
import { DomainError, conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { providerForPayment, type PaymentMethodInput, type SavedMethod } from '../payments/service.js';
import { chargeAtOnce } from './charge-at-once.js';
import { campaignTerms } from './campaign-terms.js';
import type { Campaign } from './campaign-queries.js';
import { rememberFailure, type PledgeAnswer } from './pledge-answers.js';
import { presentPledge, selectPledgeRefusalFacts, selectPriorRequest, type Pledge, type PriorRequest } from './pledge-queries.js';
import { assertTakesPledges, assertTierTakesPledges, checkPledgeTerms, type Checked } from './pledge-rule.js';
import { insertPledgeIn, pledgeToWrite, pledgeWriter } from './pledge-writer.js';
import type { CreatePledgeRequest } from './schemas.js';
import { claimSlot } from './tier-queries.js';
import { declineError } from './util.js';

/** A charge-at-once pledge is `collecting` while its card is charged; past this, recovery takes it over. */
export const COLLECT_LEASE_MS = 10 * 60_000;

/** The fingerprint of a pledge request, kept on the pledge with its Idempotency-Key. */
export function requestHashOf(campaignId: string, body: CreatePledgeRequest): string {
  return requestFingerprint(`POST /campaigns/${campaignId}/pledges`, body);
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
  const request: PledgeRequest = { actor, campaignId, body, key: key ?? null, hash: key ? requestHashOf(campaignId, body) : null };
  try {
    return await pledgeOnce(ctx, request);
  } catch (e) {
    if (!request.key || !(e instanceof DomainError) || e.kind === 'unexpected' || e.code === 'idempotency_key_reused') throw e;
    // A refusal: if this key was used before, the first answer stands (it may have been a success).
    const prior = await selectPriorRequest(ctx.db, actor.userId, request.key);
    if (prior) return answerPrior(ctx, prior, request.hash);
    await rememberFailure(ctx.db, actor.userId, request.key, request.hash!, e, ctx.clock.now());
    throw e;
  }
}

interface PledgeRequest {
  actor: Actor;
  campaignId: string;
  body: CreatePledgeRequest;
  key: string | null;
  hash: string | null;
}

/** The pledge flow, step by step: check the terms, save the card, write the pledge, charge it now or later. */
async function pledgeOnce(ctx: AppContext, request: PledgeRequest): Promise<PledgeAnswer> {
  const now = ctx.clock.now();
  const { campaign, checked } = await checkTerms(ctx, request, now);
  const method = await saveCard(ctx, request.body.payment);
  const pledge = newPledge(request, campaign, checked, method, now);
  if (!(await writePledge(ctx, pledge, checked.limited))) return whyNotWritten(ctx, request, pledge);
  if (pledge.status === 'collecting') return chargeAtOnce(ctx, pledge.id, { replayed: false });
  return { statusCode: 201, body: pledge.firstAnswer!, replayed: false };
}

/** Step 1: the campaign's terms (cached while live) and the pledge checked against them. */
async function checkTerms(
  ctx: AppContext,
  { campaignId, body }: PledgeRequest,
  now: Date,
): Promise<{ campaign: Campaign; checked: Checked }> {
  const terms = await campaignTerms(ctx, campaignId, body.tierId);
  if (terms.projectHidden || terms.campaign.status === 'draft') throw notFound('campaign');
  return { campaign: terms.campaign, checked: checkPledgeTerms(terms, body, now) };
}

/** Step 2: the card verified and saved at its processor; a refusal is a 402 that leaves nothing behind. */
async function saveCard(ctx: AppContext, payment: PaymentMethodInput): Promise<SavedMethod> {
  const saved = await providerForPayment(ctx, payment).saveMethod(payment);
  if (!saved.ok) throw declineError(saved.decline);
  return saved.method;
}

/** Step 3 (no I/O): the pledge to write; charged at once (`collecting`) unless the campaign is all-or-nothing. */
function newPledge(request: PledgeRequest, campaign: Campaign, checked: Checked, method: SavedMethod, now: Date): Pledge {
  const chargeNow = campaign.model !== 'all_or_nothing';
  const pledge = pledgeToWrite({
    id: newId('plg'),
    campaignId: campaign.id,
    tierId: checked.tierId,
    backerId: request.actor.userId,
    amount: checked.amount,
    currency: campaign.currency,
    shippingCountry: checked.shippingCountry,
    shippingCost: checked.shippingCost,
    status: chargeNow ? 'collecting' : 'pending',
    single: campaign.model !== 'donation',
    idempotencyKey: request.key,
    requestHash: request.hash,
    firstAnswer: null,
    provider: method.provider,
    methodToken: method.token,
    methodLabel: method.label,
    chargeSeq: chargeNow ? 1 : 0,
    leaseUntil: chargeNow ? new Date(now.getTime() + COLLECT_LEASE_MS) : null,
    createdAt: now,
  });
  // A pending pledge's answer is known now and kept with it; a charged one's once collected.
  if (!chargeNow) pledge.firstAnswer = JSON.stringify(presentPledge(pledge));
  return pledge;
}

/**
 * Step 4: the guarded write, with its Idempotency-Key. The hot path is one statement (written together with
 * concurrent pledges); no lookup of the key first: a repeat is recognised by the unique key on the pledge and
 * answered on the slow path. A limited tier's place is claimed in the same transaction. False when not written.
 */
async function writePledge(ctx: AppContext, pledge: Pledge, limited: boolean): Promise<boolean> {
  if (!limited) return pledgeWriter(ctx.database).write(pledge);
  return ctx.db
    .transaction(async (tx) => {
      if (!(await claimSlot(tx, pledge.tierId!, pledge.id)))
        throw conflict('tier_sold_out', 'This reward is sold out: choose another one.', { field: 'body.tierId' });
      // Not written: give the place back (rollback) and say why below.
      if (!(await insertPledgeIn(tx, pledge))) throw new NotInserted();
      return true;
    })
    .catch((e) => {
      if (e instanceof NotInserted) return false;
      throw e;
    });
}

class NotInserted extends Error {}

/** The slow path: the guarded write wrote nothing; find out why and answer accordingly. */
async function whyNotWritten(ctx: AppContext, request: PledgeRequest, p: Pledge): Promise<PledgeAnswer> {
  if (request.key) {
    // A repeat of this request (or a concurrent one that won the race): answer as the first did.
    const prior = await selectPriorRequest(ctx.db, request.actor.userId, request.key);
    if (prior) return answerPrior(ctx, prior, request.hash);
  }
  const row = await selectPledgeRefusalFacts(ctx.db, p.campaignId, request.actor.userId, p.tierId);
  // Why: a project hidden by moderation (perhaps after this process cached the campaign's terms) takes no pledge.
  if (!row || row.project_hidden) throw notFound('campaign');
  const now = ctx.clock.now();
  assertTakesPledges({ status: row.status, closedAt: row.closed_at, deadline: new Date(row.deadline) }, now);
  if (row.existing) {
    throw conflict('already_backed', 'You already back this campaign: change your pledge instead of making another.', {
      pledgeId: row.existing,
    });
  }
  // tier_ok is the tier part of the rule, read in SQL: no tier asked, or an unarchived tier of this campaign.
  assertTierTakesPledges(row.tier_ok ? { archivedAt: null } : null);
  throw conflict('pledge_conflict', 'Your pledge crossed another change to this campaign: please try again.');
}

/** The answer to a repeat of an earlier request with the same key: its answer, or the end of its work. */
async function answerPrior(ctx: AppContext, prior: PriorRequest, hash: string | null): Promise<PledgeAnswer> {
  if (prior.request_hash !== hash) throw keyReusedError();
  if (prior.kind === 'request') return { statusCode: prior.status_code!, body: prior.body!, replayed: true };
  if (prior.body) return { statusCode: 201, body: prior.body, replayed: true };
  // The first request wrote the pledge and was interrupted while charging: finish its work.
  return chargeAtOnce(ctx, prior.id!, { replayed: true });
}
