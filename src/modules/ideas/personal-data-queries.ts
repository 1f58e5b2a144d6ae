// What a person did in idea challenges, read for their personal-data export, oldest first.
import { asc, eq, getTableColumns, type Table } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { challenges, ideaComparisons, ideaVotes, ideas } from '../../db/schema/ideas.js';

/** Some columns of a table, as a select list. */
function pick<T extends Table, K extends keyof T['_']['columns'] & string>(table: T, keys: readonly K[]): Pick<T['_']['columns'], K> {
  const all = getTableColumns(table);
  return Object.fromEntries(keys.map((k) => [k, all[k]])) as Pick<T['_']['columns'], K>;
}

export function selectChallengesOpenedBy(db: Executor, userId: string) {
  return db
    .select(pick(challenges, ['id', 'projectId', 'title', 'prompt', 'status', 'createdAt']))
    .from(challenges)
    .where(eq(challenges.createdBy, userId))
    .orderBy(asc(challenges.createdAt));
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
  return db.select(pick(ideas, columns)).from(ideas).where(eq(ideas.authorId, userId)).orderBy(asc(ideas.createdAt));
}

export function selectVotesCastBy(db: Executor, userId: string) {
  return db
    .select(pick(ideaVotes, ['ideaId', 'challengeId', 'value', 'createdAt']))
    .from(ideaVotes)
    .where(eq(ideaVotes.userId, userId))
    .orderBy(asc(ideaVotes.createdAt));
}

export function selectComparisonsJudgedBy(db: Executor, userId: string) {
  return db
    .select(pick(ideaComparisons, ['challengeId', 'winnerId', 'loserId', 'tie', 'createdAt']))
    .from(ideaComparisons)
    .where(eq(ideaComparisons.voterId, userId))
    .orderBy(asc(ideaComparisons.createdAt));
}
