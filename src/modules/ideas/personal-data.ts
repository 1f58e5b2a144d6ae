// The ideas module's share of a personal-data export: challenges opened, ideas, up/down votes and pairwise
// comparisons. Nothing is removed on erasure: ideas stay under "Deleted account", votes keep counting.
import type { Executor } from '../../db/client.js';
import { selectChallengesOpenedBy, selectComparisonsJudgedBy, selectIdeasWrittenBy, selectVotesCastBy } from './personal-data-queries.js';

/**
 * What a person did in idea challenges.
 * @example await exportPersonalData(db, userId) // { challenges, ideas, ideaVotes, pairwiseComparisons }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  return {
    challenges: await selectChallengesOpenedBy(db, userId),
    ideas: await selectIdeasWrittenBy(db, userId),
    ideaVotes: await selectVotesCastBy(db, userId),
    pairwiseComparisons: await selectComparisonsJudgedBy(db, userId),
  };
}
