import { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { csvRows } from '../../lib/csv.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { peopleByIds, type Person } from '../accounts/people.js';
import { BACKING_STATUSES } from './backers.js';
import { requireCampaignHost } from './campaigns.js';
import { selectPledgedPerDay, selectPledgesOfBacker, selectPledgesOfCampaign } from './host-queries.js';
import { countPledgesByStatus, presentPledge, type Pledge, type PledgeStatus } from './pledge-queries.js';

/** Rows of pledges with their backers, those of a backer who no longer exists left out (as a join on people would). */
async function withBackers<R extends { pledge: Pledge }>(db: Executor, rows: R[]): Promise<(R & { backer: Person })[]> {
  const people = await peopleByIds(
    db,
    rows.map((r) => r.pledge.backerId),
  );
  return rows.flatMap((r) => {
    const backer = people.get(r.pledge.backerId);
    return backer ? [{ ...r, backer }] : [];
  });
}

/**
 * A campaign's pledges for its hosts, oldest first, with each backer's name and e-mail and the tier.
 * @example await campaignPledges(ctx, actor, campaignId, { limit: 50 })
 */
export async function campaignPledges(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  page: { limit: number; cursor?: string; status?: PledgeStatus },
) {
  const { campaign } = await requireCampaignHost(ctx.db, campaignId, actor);
  const pos = decodeCursor(page.cursor);
  const rows = await selectPledgesOfCampaign(ctx.db, campaign.id, {
    statuses: page.status ? [page.status] : undefined,
    afterId: pos?.id,
    limit: page.limit + 1,
  });
  const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({ v: 0, id: r.pledge.id }));
  return {
    items: (await withBackers(ctx.db, items)).map((r) => ({
      ...presentPledge(r.pledge),
      backer: { id: r.pledge.backerId, name: r.backer.name, email: r.backer.email },
      tierTitle: r.tierTitle,
    })),
    nextCursor,
  };
}

export const BACKERS_CSV_COLUMNS = [
  'pledge_id',
  'backer_name',
  'backer_email',
  'tier',
  'amount',
  'currency',
  'status',
  'shipping_country',
  'shipping_cost',
  'pledged_at',
];

/**
 * The backers of a campaign as CSV for its hosts (standing pledges: pending, collected, errored), with
 * their tiers and shipping countries; streamed page by page, so a large campaign costs little memory.
 * Amounts are in major units (e.g. 25.00).
 * @example reply.type('text/csv').send(await backersCsv(ctx, actor, campaignId))
 */
export async function backersCsv(ctx: AppContext, actor: Actor, campaignId: string): Promise<Readable> {
  const { campaign } = await requireCampaignHost(ctx.db, campaignId, actor);
  const statuses: PledgeStatus[] = ['pending', 'charging', 'collected', 'errored'];
  async function* lines() {
    yield csvRows([BACKERS_CSV_COLUMNS]);
    let after = '';
    for (;;) {
      const rows = await selectPledgesOfCampaign(ctx.db, campaign.id, { statuses, afterId: after, limit: 2000 });
      if (!rows.length) return;
      // Why: names and tier titles are typed by people; a spreadsheet must not run them as formulas.
      yield csvRows(
        (await withBackers(ctx.db, rows)).map(({ pledge: p, backer, tierTitle }) => [
          p.id,
          backer.name,
          backer.email,
          tierTitle,
          ((p.amount - p.refundedAmount) / 100).toFixed(2),
          p.currency,
          p.status === 'charging' ? 'pending' : p.status,
          p.shippingCountry,
          (p.shippingCost / 100).toFixed(2),
          p.createdAt.toISOString(),
        ]),
      );
      after = rows[rows.length - 1]!.pledge.id;
    }
  }
  return Readable.from(lines());
}

/**
 * For the host's dashboard: money pledged (standing pledges, net of refunds) and new backers per UTC day,
 * with running totals, from launch to today or the deadline.
 * @example await campaignStats(ctx, actor, id) // { days: [{ date: '2026-05-01', amount: 12500, pledges: 4, cumulative: 12500 }], byStatus: {...} }
 */
export async function campaignStats(ctx: AppContext, actor: Actor, campaignId: string) {
  const { campaign } = await requireCampaignHost(ctx.db, campaignId, actor);
  const statuses: PledgeStatus[] = campaign.status === 'failed' || campaign.status === 'cancelled' ? ['voided'] : [...BACKING_STATUSES];
  const rows = await selectPledgedPerDay(ctx.db, campaign.id, statuses);
  const byStatus = await countPledgesByStatus(ctx.db, campaign.id);
  const perDay = new Map(rows.map((r) => [r.date, r]));
  const start = new Date(`${(campaign.launchedAt ?? campaign.createdAt).toISOString().slice(0, 10)}T00:00:00Z`);
  const endAt = Math.min(ctx.clock.now().getTime(), campaign.deadline.getTime());
  const days: { date: string; amount: number; pledges: number; cumulative: number }[] = [];
  let cumulative = 0;
  for (let d = start.getTime(); d <= endAt && days.length < 400; d += 86_400_000) {
    const date = new Date(d).toISOString().slice(0, 10);
    const r = perDay.get(date);
    cumulative += r?.amount ?? 0;
    days.push({ date, amount: r?.amount ?? 0, pledges: r?.pledges ?? 0, cumulative });
  }
  // Pledges dated outside the window (before launch in tests, or clock moves) still count in the total.
  const total = rows.reduce((s, r) => s + r.amount, 0);
  if (days.length && cumulative !== total) days[days.length - 1]!.cumulative = total;
  return {
    campaignId: campaign.id,
    currency: campaign.currency,
    goal: campaign.goal,
    days,
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, { pledges: s.n, amount: s.amount }])),
  };
}

/**
 * A backer's own pledges, newest first, with their campaign and project.
 * @example await myPledges(ctx, actor, { limit: 20 })
 */
export async function myPledges(ctx: AppContext, actor: Actor, page: { limit: number; cursor?: string }) {
  const pos = decodeCursor(page.cursor);
  const rows = await selectPledgesOfBacker(ctx.db, actor.userId, { beforeId: pos?.id, limit: page.limit + 1 });
  const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({ v: 0, id: r.pledge.id }));
  return {
    items: items.map((r) => ({
      ...presentPledge(r.pledge),
      tierTitle: r.tierTitle,
      campaign: { id: r.pledge.campaignId, title: r.campaignTitle, status: r.campaignStatus, deadline: r.deadline.toISOString() },
      project: { id: r.projectId, slug: r.projectSlug, title: r.projectTitle },
    })),
    nextCursor,
  };
}
