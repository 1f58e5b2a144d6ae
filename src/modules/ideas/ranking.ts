import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ideaComparisons } from '../../db/schema/ideas.js';
import { fitBradleyTerry, type BradleyTerryFit, type PairRecord } from '../../lib/ranking/index.js';
import { liveIdeaIds, type RankInfo } from './present.js';

export interface ChallengeRanking {
  /** Live idea ids, best first. */
  order: string[];
  byId: Map<string, RankInfo & { logStrength: number; status: string }>;
  fit: BradleyTerryFit;
}

/**
 * Fits the Bradley–Terry model to every pairwise comparison of a challenge's live ideas (merged duplicates count
 * for the idea they were merged into; ties count half a win each) and ranks them, best first. An idea with no
 * comparison yet enters at the reference level with a wide interval.
 * @example const { order, byId } = await rankChallenge(db, 'chl_…')
 */
export async function rankChallenge(db: Executor, challengeId: string, options: { intervals?: boolean } = {}): Promise<ChallengeRanking> {
  const live = await liveIdeaIds(db, challengeId);
  const index = new Map(live.map((l, k) => [l.id, k]));
  const counts = await db
    .select({ winnerId: ideaComparisons.winnerId, loserId: ideaComparisons.loserId, tie: ideaComparisons.tie, n: sql<number>`count(*)::int` })
    .from(ideaComparisons)
    .where(eq(ideaComparisons.challengeId, challengeId))
    .groupBy(ideaComparisons.winnerId, ideaComparisons.loserId, ideaComparisons.tie);
  const records: PairRecord[] = [];
  for (const c of counts) {
    const i = index.get(c.winnerId);
    const j = index.get(c.loserId);
    if (i === undefined || j === undefined || i === j) continue;
    records.push(c.tie ? { i, j, winsI: 0, winsJ: 0, ties: c.n } : { i, j, winsI: c.n, winsJ: 0 });
  }
  const fit = fitBradleyTerry(live.length, records, { intervals: options.intervals ?? true });
  const order = live
    .map((l, k) => ({ id: l.id, k }))
    .sort((a, b) => fit.score[b.k]! - fit.score[a.k]! || fit.comparisons[b.k]! - fit.comparisons[a.k]! || (a.id < b.id ? -1 : 1));
  const byId = new Map<string, RankInfo & { logStrength: number; status: string }>();
  order.forEach(({ id, k }, position) => {
    byId.set(id, {
      rank: position + 1,
      score: fit.score[k]!,
      interval: fit.interval[k]!,
      comparisons: fit.comparisons[k]!,
      logStrength: fit.logStrength[k]!,
      status: live[k]!.status,
    });
  });
  return { order: order.map((o) => o.id), byId, fit };
}
