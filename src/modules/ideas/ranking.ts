import type { Executor } from '../../db/client.js';
import { fitBradleyTerry, type BradleyTerryFit, type PairRecord } from '../../lib/ranking/index.js';
import { countComparisonsByOutcome } from './comparison-queries.js';
import { selectLiveIdeas } from './idea-queries.js';

export interface RankedIdea {
  rank: number;
  score: number;
  comparisons: number;
  logStrength: number;
  status: string;
}

export interface ChallengeRanking {
  /** Live idea ids, best first. */
  order: string[];
  byId: Map<string, RankedIdea>;
  fit: BradleyTerryFit;
  /** 95% intervals of the score of some ideas (each costs O(n²), so a page at a time). */
  intervals(ids: string[]): Map<string, [number, number]>;
}

interface CachedFit {
  key: string;
  ids: string[];
  fit: BradleyTerryFit;
}

/**
 * The last fit of each recent challenge, in this process only. The fit is a pure function of the comparisons and
 * the live ideas, so an entry with the same key (a checksum of the comparison counts, the live ideas) is reused as is, and an older one
 * starts the next fit close to its answer (one or two Newton steps instead of seven). Losing it costs time only.
 */
const recentFits = new Map<string, CachedFit>();
const RECENT_FITS = 200;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

function remember(challengeId: string, entry: CachedFit) {
  recentFits.delete(challengeId);
  recentFits.set(challengeId, entry);
  if (recentFits.size > RECENT_FITS) recentFits.delete(recentFits.keys().next().value!);
}

/**
 * Fits the Bradley–Terry model to every pairwise comparison of a challenge's live ideas (merged duplicates count
 * for the idea they were merged into; ties count half a win each) and ranks them, best first. An idea with no
 * comparison yet enters at the reference level with a wide interval.
 * @example const { order, byId, intervals } = await rankChallenge(db, 'chl_…')
 */
export async function rankChallenge(db: Executor, challengeId: string): Promise<ChallengeRanking> {
  const live = await selectLiveIdeas(db, challengeId);
  const index = new Map(live.map((l, k) => [l.id, k]));
  const counts = await countComparisonsByOutcome(db, challengeId);
  const records: PairRecord[] = [];
  for (const c of counts) {
    const i = index.get(c.winnerId);
    const j = index.get(c.loserId);
    if (i === undefined || j === undefined || i === j) continue;
    records.push(c.tie ? { i, j, winsI: 0, winsJ: 0, ties: Number(c.n) } : { i, j, winsI: Number(c.n), winsJ: 0 });
  }
  // An order-independent checksum of the counts, so any change of the comparisons changes the key.
  let checksum = 0;
  for (const c of counts) checksum = (checksum + Math.imul(fnv1a(`${c.winnerId}|${c.loserId}|${c.tie}`), Number(c.n))) >>> 0;
  const key = `${checksum}:${counts.length}:${live.map((l) => l.id).join(',')}`;
  const cached = recentFits.get(challengeId);
  let fit: BradleyTerryFit;
  if (cached?.key === key) {
    fit = cached.fit;
  } else {
    const previous = cached ? new Map(cached.ids.map((id, k) => [id, cached.fit.logStrength[k]!])) : null;
    fit = fitBradleyTerry(live.length, records, {
      intervals: false,
      initial: previous ? live.map((l) => previous.get(l.id) ?? 0) : undefined,
    });
    remember(challengeId, { key, ids: live.map((l) => l.id), fit });
  }
  const order = live
    .map((l, k) => ({ id: l.id, k }))
    .sort((a, b) => fit.score[b.k]! - fit.score[a.k]! || fit.comparisons[b.k]! - fit.comparisons[a.k]! || (a.id < b.id ? -1 : 1));
  const byId = new Map<string, RankedIdea>();
  order.forEach(({ id, k }, position) => {
    byId.set(id, {
      rank: position + 1,
      score: fit.score[k]!,
      comparisons: fit.comparisons[k]!,
      logStrength: fit.logStrength[k]!,
      status: live[k]!.status,
    });
  });
  return {
    order: order.map((o) => o.id),
    byId,
    fit,
    intervals(ids) {
      const wanted = ids.map((id) => index.get(id)).filter((k): k is number => k !== undefined);
      // No step from the fit: only the intervals at its log-strengths.
      const at = fitBradleyTerry(live.length, records, { initial: fit.logStrength, maxIterations: 0, intervals: wanted });
      const out = new Map<string, [number, number]>();
      for (const id of ids) {
        const k = index.get(id);
        const iv = k === undefined ? null : at.interval[k];
        if (iv) out.set(id, iv);
      }
      return out;
    },
  };
}
