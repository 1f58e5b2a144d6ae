import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { peopleByIds } from '../accounts/people.js';
import { postTransactions } from '../ledger/service.js';
import { queueMail } from '../mail/service.js';
import { notify } from '../notifications/service.js';
import { paymentProvider, type ChargeResult } from '../payments/service.js';
import { claimPledgesToCharge, markBatchCollected, markBatchErrored } from './charge-queries.js';
import { chargeRequestOf, collectionTransaction, releaseIfSettled } from './escrow.js';
import { feesOn } from './money.js';
import type { Pledge } from './pledge-queries.js';

/** A backer whose charge failed has this long to fix it with another card, then the pledge is dropped. */
export const FIX_WINDOW_MS = 7 * 24 * 3600_000;
/** How long a claimed batch is left to its worker before another may take it over. */
export const CHARGE_LEASE_MS = 30_000;

export interface BatchOutcome {
  collected: Pledge[];
  errored: (Pledge & { message: string })[];
}

/**
 * Lets the event loop serve other work (HTTP requests). On the embedded database a query resolves without
 * real I/O, so a long chain of them would otherwise keep the server from reading any request.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `fn` over `items`, at most `limit` at a time, yielding to the event loop now and then. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
        if (i % 64 === 63) await yieldToEventLoop();
      }
    }),
  );
  return out;
}

/**
 * Charges pledges at their processors: through its batch call when the processor has one (500 at a time),
 * else one call a pledge, `concurrency` at a time. Answers in the pledges' order.
 */
export async function chargeClaimed(ctx: AppContext, claimed: Pledge[], concurrency = 16): Promise<ChargeResult[]> {
  const request = chargeRequestOf;
  const results = new Array<ChargeResult>(claimed.length);
  const byProvider = new Map<string, number[]>();
  for (const [i, p] of claimed.entries()) byProvider.set(p.provider, [...(byProvider.get(p.provider) ?? []), i]);
  for (const [name, indexes] of byProvider) {
    const provider = paymentProvider(ctx, name);
    if (provider.chargeMany) {
      for (let i = 0; i < indexes.length; i += 500) {
        const chunk = indexes.slice(i, i + 500);
        const answers = await provider.chargeMany(chunk.map((k) => request(claimed[k]!)));
        for (const [j, k] of chunk.entries()) results[k] = answers[j]!;
        await yieldToEventLoop();
      }
    } else {
      const answers = await mapLimit(indexes, concurrency, (k) => provider.charge(request(claimed[k]!)));
      for (const [j, k] of indexes.entries()) results[k] = answers[j]!;
    }
  }
  return results;
}

export interface ChargeBatchHooks {
  /** Called after the processor answered and before anything is recorded (tests interrupt here). */
  afterCharges?: () => void | Promise<void>;
  /** Called once the batch's outcomes are committed. */
  afterRecord?: () => void | Promise<void>;
}

/**
 * Charges pledges claimed as `charging` (outside any transaction, `concurrency` at a time, each keyed by its
 * pledge and charge number so a repeat never charges twice) and records every outcome in one transaction:
 * collected with its ledger transaction (fees as entries of their own), or errored with 7 days to fix the
 * card (the backer is told in-app and by e-mail). A pledge already recorded by someone else is left alone.
 * @example await chargeBatch(ctx, claimed, 16)
 */
export async function chargeBatch(
  ctx: AppContext,
  claimed: Pledge[],
  concurrency = 16,
  hooks: ChargeBatchHooks = {},
): Promise<BatchOutcome> {
  if (!claimed.length) return { collected: [], errored: [] };
  const results = await chargeClaimed(ctx, claimed, concurrency);
  await hooks.afterCharges?.();
  const recorded = await recordCharges(ctx, claimed, results);
  await hooks.afterRecord?.();
  return recorded;
}

/**
 * Records the processor's answers for claimed pledges in one transaction: collected with its ledger transaction, or
 * errored with 7 days to fix the card (the backer is told). A pledge already recorded by someone else is left alone,
 * so recording the same answers again changes nothing.
 */
export async function recordCharges(ctx: AppContext, claimed: Pledge[], results: ChargeResult[]): Promise<BatchOutcome> {
  const now = ctx.clock.now();
  const succeeded = claimed.flatMap((p, i) =>
    results[i]!.ok ? [{ p, chargeId: results[i]!.chargeId, fees: feesOn(p.amount, ctx.config) }] : [],
  );
  const failed = claimed.flatMap((p, i) => {
    const r = results[i]!;
    return r.ok ? [] : [{ p, message: r.decline.message }];
  });
  return ctx.db.transaction(async (tx) => {
    const outcome: BatchOutcome = { collected: [], errored: [] };
    if (succeeded.length) {
      const ids = await markBatchCollected(
        tx,
        succeeded.map((x) => ({
          id: x.p.id,
          chargeSeq: x.p.chargeSeq,
          chargeId: x.chargeId,
          paymentFee: x.fees.payment,
          platformFee: x.fees.platform,
        })),
        now,
      );
      const mine = succeeded.filter((s) => ids.has(s.p.id));
      await postTransactions(
        tx,
        mine.map((s) => collectionTransaction(s.p, s.fees, now)),
      );
      outcome.collected = mine.map((s) => ({
        ...s.p,
        status: 'collected',
        chargeRef: s.chargeId,
        collectedAt: now,
        paymentFee: s.fees.payment,
        platformFee: s.fees.platform,
      }));
    }
    if (failed.length) {
      const fixDeadlines = await markBatchErrored(
        tx,
        failed.map((f) => ({ id: f.p.id, chargeSeq: f.p.chargeSeq, message: f.message })),
        now,
        new Date(now.getTime() + FIX_WINDOW_MS),
      );
      outcome.errored = failed
        .filter((f) => fixDeadlines.has(f.p.id))
        .map((f) => ({ ...f.p, status: 'errored', fixDeadline: fixDeadlines.get(f.p.id)!, message: f.message }));
      await tellErrored(ctx, tx, outcome.errored);
    }
    const campaignIds = [...new Set(outcome.collected.map((p) => p.campaignId))];
    for (const id of campaignIds) {
      const backers = outcome.collected.filter((p) => p.campaignId === id).map((p) => p.backerId);
      await notify(tx, { userIds: backers, kind: 'pledge_collected', subject: `campaign:${id}`, data: { campaignId: id } });
      await releaseIfSettled(tx, id, now);
    }
    return outcome;
  });
}

async function tellErrored(ctx: AppContext, tx: Executor, errored: (Pledge & { message: string })[]) {
  if (!errored.length) return;
  const byId = await peopleByIds(
    tx,
    errored.map((p) => p.backerId),
  );
  const link = `${ctx.config.FOULE_PUBLIC_URL}/me/pledges`;
  for (const p of errored) {
    await notify(tx, {
      userIds: [p.backerId],
      kind: 'pledge_errored',
      subject: `pledge:${p.id}`,
      data: { pledgeId: p.id, campaignId: p.campaignId, fixDeadline: p.fixDeadline?.toISOString() ?? null, message: p.message },
    });
    const u = byId.get(p.backerId);
    if (!u) continue;
    const by = p.fixDeadline!.toISOString().slice(0, 10);
    await queueMail(
      tx,
      u.locale === 'fr'
        ? {
            to: u.email,
            subject: 'Votre paiement a échoué : corrigez-le sous 7 jours',
            text: `Bonjour ${u.name},\n\nLe paiement de votre contribution n’a pas abouti (${p.message}).\nVous avez jusqu’au ${by} pour utiliser une autre carte, sinon votre contribution sera annulée :\n${link}\n`,
          }
        : {
            to: u.email,
            subject: 'Your payment failed: fix it within 7 days',
            text: `Hello ${u.name},\n\nThe charge for your pledge did not go through (${p.message}).\nYou have until ${by} to use another card, or your pledge will be dropped:\n${link}\n`,
          },
    );
  }
}

/**
 * Claims up to `limit` pledges of a campaign to charge: pending ones (their charge number goes up by one)
 * and ones whose earlier claim lapsed (same charge number, so the same charge key). FOR UPDATE SKIP LOCKED
 * lets several workers share a campaign.
 */
export function claimDuePledges(ctx: AppContext, campaignId: string, limit: number): Promise<Pledge[]> {
  const now = ctx.clock.now();
  return claimPledgesToCharge(ctx.db, campaignId, limit, now, new Date(now.getTime() + CHARGE_LEASE_MS));
}
