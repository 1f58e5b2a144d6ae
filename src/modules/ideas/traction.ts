import type { Executor } from '../../db/client.js';
import { countPublishedChallengesOfProject } from './challenge-queries.js';
import { countLiveIdeasOfProject, selectTopIdeasOfProject } from './idea-queries.js';
import { countVotesOfProject } from './vote-queries.js';

/**
 * Challenges, ideas and votes of the project, and its five best-voted ideas (the validation panel's traction).
 * @example await ideaTraction(db, project.id) // { challenges, ideas, votes, upvotes, voters, top }
 */
export async function ideaTraction(db: Executor, projectId: string) {
  const challenges = await countPublishedChallengesOfProject(db, projectId);
  const ideas = await countLiveIdeasOfProject(db, projectId);
  const v = await countVotesOfProject(db, projectId);
  const top = await selectTopIdeasOfProject(db, projectId, 5);
  return { challenges, ideas, votes: v.votes, upvotes: v.up, voters: v.voters, top };
}
