import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { newId } from '../../lib/ids.js';
import { requireProjectHost } from '../projects/access.js';
import { insertChallenge } from './challenge-queries.js';
import { announceChallenge, showChallenge } from './challenges.js';
import { ZPhases, ZRules, ZTitle } from './schemas.js';

export const ZCreateChallengeRequest = z.object({
  title: ZTitle,
  prompt: z.string().max(20_000).default('').describe('Markdown'),
  phases: ZPhases,
  rules: ZRules.default({}),
  status: z.enum(['draft', 'published']).default('draft').describe('a draft is seen by the hosts only'),
});
export type CreateChallengeRequest = z.infer<typeof ZCreateChallengeRequest>;

const DEFAULT_VOTES_PER_PERSON = 10;

/**
 * Opens a challenge on a project (hosts). Published at once with `status: 'published'`, else a draft.
 * @example const challenge = await createChallenge(ctx, actor, 'prj_…', { title, prompt, phases, rules: {}, status: 'draft' })
 */
export async function createChallenge(ctx: AppContext, actor: Actor, projectIdOrSlug: string, input: CreateChallengeRequest) {
  const project = await requireProjectHost(ctx.db, projectIdOrSlug, actor);
  const id = newId('chl');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const c = await insertChallenge(tx, {
      id,
      projectId: project.id,
      createdBy: actor.userId,
      title: input.title,
      prompt: input.prompt,
      status: input.status,
      submissionAt: new Date(input.phases.submission),
      votingAt: new Date(input.phases.voting),
      reviewAt: new Date(input.phases.review),
      closedAt: new Date(input.phases.closed),
      votesPerPerson: input.rules.votesPerPerson === undefined ? DEFAULT_VOTES_PER_PERSON : input.rules.votesPerPerson,
      submissionsDuringVoting: input.rules.submissionsDuringVoting ?? false,
      publicRanking: input.rules.publicRanking ?? true,
      publishedAt: input.status === 'published' ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    if (input.status === 'published') await announceChallenge(tx, c, actor.userId);
  });
  return showChallenge(ctx, id, actor);
}
