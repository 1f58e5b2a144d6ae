import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict } from '../../lib/errors.js';
import { pickPair } from '../../lib/ranking/index.js';
import { assertVotingOpen, viewChallenge } from './access.js';
import { selectPairsJudgedBy } from './comparison-queries.js';
import { selectIdeas } from './idea-queries.js';
import { presentIdeas } from './present.js';
import { rankChallenge } from './ranking.js';

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * The next pair to show someone in pairwise voting: chosen adaptively from the current Bradley–Terry fit
 * (ideas with few comparisons and ideas of close strength are favoured, with some randomness), never a pair
 * this person already judged, never a rejected idea.
 * @example const { left, right } = await nextPair(ctx, actor, 'chl_…')
 */
export async function nextPair(ctx: AppContext, actor: Actor | null, challengeId: string, random: () => number = Math.random) {
  const { challenge, isHost } = await viewChallenge(ctx.db, challengeId, actor);
  assertVotingOpen(challenge, ctx.clock.now(), 'compare');
  const ranking = await rankChallenge(ctx.db, challenge.id);
  const candidates = ranking.order.filter((id) => ranking.byId.get(id)!.status !== 'rejected');
  if (candidates.length < 2)
    throw conflict('not_enough_ideas', 'This challenge needs at least two ideas to compare.', { ideas: candidates.length });
  const judged = new Set<string>();
  if (actor) for (const r of await selectPairsJudgedBy(ctx.db, challenge.id, actor.userId)) judged.add(pairKey(r.a, r.b));
  const picked = pickPair(
    candidates.map((id) => {
      const r = ranking.byId.get(id)!;
      return { comparisons: r.comparisons, logStrength: r.logStrength };
    }),
    random,
    { exclude: (i, j) => judged.has(pairKey(candidates[i]!, candidates[j]!)) },
  );
  if (!picked)
    throw conflict('no_pair_left', 'You have compared every pair of ideas in this challenge: thank you!', { ideas: candidates.length });
  const ids = [candidates[picked[0]]!, candidates[picked[1]]!];
  const rows = await selectIdeas(ctx.db, ids);
  const shown = await presentIdeas(
    ctx.db,
    ids.map((id) => rows.find((r) => r.id === id)!),
    actor,
    isHost,
  );
  return { left: shown[0]!, right: shown[1]! };
}
