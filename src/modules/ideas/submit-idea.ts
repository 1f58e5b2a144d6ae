import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { uniqueTags } from '../../http/tag-schema.js';
import { newId } from '../../lib/ids.js';
import { recordActivity } from '../community/activity.js';
import { assertCanSubmit, viewChallenge } from './access.js';
import { insertIdea } from './idea-queries.js';
import { getIdea } from './ideas.js';
import { ZTags, ZTitle } from './schemas.js';

export const ZSubmitIdeaRequest = z.object({
  title: ZTitle,
  body: z.string().max(20_000).default('').describe('Markdown'),
  tags: ZTags,
});
export type SubmitIdeaRequest = z.infer<typeof ZSubmitIdeaRequest>;

/**
 * Submits an idea to a challenge, in a phase that accepts ideas (hosts may seed ideas in any phase but closed).
 * @example const idea = await submitIdea(ctx, actor, 'chl_…', { title: 'Bike lanes', body: '…', tags: ['mobility'] })
 */
export async function submitIdea(ctx: AppContext, actor: Actor, challengeId: string, input: SubmitIdeaRequest) {
  const { challenge, isHost } = await viewChallenge(ctx.db, challengeId, actor);
  const now = ctx.clock.now();
  assertCanSubmit(challenge, now, isHost);
  const id = newId('ide');
  await ctx.db.transaction(async (tx) => {
    const origin = { challengeId: challenge.id, projectId: challenge.projectId, authorId: actor.userId };
    await insertIdea(tx, { id, ...origin, ...input, tags: uniqueTags(input.tags), createdAt: now, updatedAt: now });
    if (challenge.status === 'published') {
      await recordActivity(tx, {
        projectId: challenge.projectId,
        kind: 'idea',
        actorId: actor.userId,
        subject: `idea:${id}`,
        data: { title: input.title, challengeId: challenge.id },
      });
    }
  });
  return getIdea(ctx, actor, id);
}
