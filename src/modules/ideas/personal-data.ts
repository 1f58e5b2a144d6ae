// The ideas module's share of a personal-data export: challenges opened, ideas, up/down votes and pairwise
// comparisons. Nothing is removed on erasure: ideas stay under "Deleted account", votes keep counting.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { challenges, ideaComparisons, ideaVotes, ideas } from '../../db/schema/ideas.js';

/**
 * What a person did in idea challenges.
 * @example await exportPersonalData(db, userId) // { challenges, ideas, ideaVotes, pairwiseComparisons }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const opened = await db
    .select({
      id: challenges.id,
      projectId: challenges.projectId,
      title: challenges.title,
      prompt: challenges.prompt,
      status: challenges.status,
      createdAt: challenges.createdAt,
    })
    .from(challenges)
    .where(eq(challenges.createdBy, userId))
    .orderBy(asc(challenges.createdAt));
  const written = await db
    .select({
      id: ideas.id,
      challengeId: ideas.challengeId,
      projectId: ideas.projectId,
      title: ideas.title,
      body: ideas.body,
      tags: ideas.tags,
      status: ideas.status,
      statusNote: ideas.statusNote,
      mergedIntoId: ideas.mergedIntoId,
      createdAt: ideas.createdAt,
      updatedAt: ideas.updatedAt,
    })
    .from(ideas)
    .where(eq(ideas.authorId, userId))
    .orderBy(asc(ideas.createdAt));
  const votes = await db
    .select({ ideaId: ideaVotes.ideaId, challengeId: ideaVotes.challengeId, value: ideaVotes.value, createdAt: ideaVotes.createdAt })
    .from(ideaVotes)
    .where(eq(ideaVotes.userId, userId))
    .orderBy(asc(ideaVotes.createdAt));
  const comparisons = await db
    .select({
      challengeId: ideaComparisons.challengeId,
      winnerId: ideaComparisons.winnerId,
      loserId: ideaComparisons.loserId,
      tie: ideaComparisons.tie,
      createdAt: ideaComparisons.createdAt,
    })
    .from(ideaComparisons)
    .where(eq(ideaComparisons.voterId, userId))
    .orderBy(asc(ideaComparisons.createdAt));
  return { challenges: opened, ideas: written, ideaVotes: votes, pairwiseComparisons: comparisons };
}
