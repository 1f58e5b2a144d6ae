import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { hostOwnerKey } from '../ledger/accounts.js';
import { requireProjectHost } from '../projects/access.js';
import { insertCampaign } from './campaign-queries.js';
import { insertTiers, tierValues } from './tiers.js';
import { amountIn } from './money.js';
import type { CreateCampaignRequest } from './schemas.js';

/** Stretch goals in minor units, each above the goal, in increasing order. */
export function stretchGoalsOf(input: CreateCampaignRequest['stretchGoals'], goal: number, currency: string) {
  const goals = input.map((g, i) => ({
    amount: amountIn(g.amount, currency, `body.stretchGoals.${i}.amount`),
    description: g.description,
  }));
  goals.forEach((g, i) => {
    if (g.amount <= goal)
      throw invalid('stretch_goal_below_goal', 'A stretch goal must be above the campaign goal.', {
        field: `body.stretchGoals.${i}.amount`,
      });
  });
  return goals.sort((a, b) => a.amount - b.amount);
}

/**
 * Creates a draft campaign with its tiers and stretch goals on a project the caller hosts.
 * @example const id = await createCampaign(ctx, actor, projectId, { goal: { amount: 500000, currency: 'EUR' }, model: 'all_or_nothing', deadline: '2026-07-01T18:00:00Z', tiers: [], stretchGoals: [] })
 */
export async function createCampaign(
  ctx: AppContext,
  actor: Actor,
  projectIdOrSlug: string,
  input: CreateCampaignRequest,
): Promise<string> {
  const project = await requireProjectHost(ctx.db, projectIdOrSlug, actor);
  const deadline = new Date(input.deadline);
  if (deadline.getTime() <= ctx.clock.now().getTime()) {
    throw invalid('deadline_in_past', 'The deadline must be in the future.', { field: 'body.deadline' });
  }
  const id = newId('cmp');
  const currency = input.goal.currency;
  const stretchGoals = stretchGoalsOf(input.stretchGoals, input.goal.amount, currency);
  const tierRows = input.tiers.map((tier, i) => tierValues(tier, { id, currency, model: input.model }, i, `body.tiers.${i}`));
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await insertCampaign(tx, {
      id,
      projectId: project.id,
      hostOwner: hostOwnerKey(project),
      title: input.title ?? project.title,
      description: input.description,
      currency,
      goal: input.goal.amount,
      model: input.model,
      deadline,
      stretchGoals,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertTiers(tx, tierRows);
  });
  return id;
}
