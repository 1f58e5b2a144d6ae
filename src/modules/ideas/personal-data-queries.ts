// What a person did in idea challenges, read for their personal-data export, oldest first.
import type { Executor } from '../../db/client.js';
import { challenges, ideaComparisons, ideaVotes, ideas } from '../../db/schema/ideas.js';
import { pick, selectRowsOfPerson } from '../../db/select.js';

export function selectChallengesOpenedBy(db: Executor, userId: string) {
  const columns = ['id', 'projectId', 'title', 'prompt', 'status', 'createdAt'] as const;
  return selectRowsOfPerson(db, challenges, challenges.createdBy, userId, pick(challenges, columns));
}

export function selectIdeasWrittenBy(db: Executor, userId: string) {
  const columns = [
    'id',
    'challengeId',
    'projectId',
    'title',
    'body',
    'tags',
    'status',
    'statusNote',
    'mergedIntoId',
    'createdAt',
    'updatedAt',
  ] as const;
  return selectRowsOfPerson(db, ideas, ideas.authorId, userId, pick(ideas, columns));
}

export function selectVotesCastBy(db: Executor, userId: string) {
  return selectRowsOfPerson(db, ideaVotes, ideaVotes.userId, userId, pick(ideaVotes, ['ideaId', 'challengeId', 'value', 'createdAt']));
}

export function selectComparisonsJudgedBy(db: Executor, userId: string) {
  const columns = ['challengeId', 'winnerId', 'loserId', 'tie', 'createdAt'] as const;
  return selectRowsOfPerson(db, ideaComparisons, ideaComparisons.voterId, userId, pick(ideaComparisons, columns));
}
