import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict } from '../../lib/errors.js';
import { hostChallenge } from './access.js';
import { lockChallenge, updateChallengeRow } from './challenge-queries.js';
import { announceChallenge, showChallenge } from './challenges.js';
import { countIdeasOfChallenge } from './idea-queries.js';
import { ZPhases, ZRules, ZTitle } from './schemas.js';

export const ZUpdateChallengeRequest = z.object({
  title: ZTitle.optional(),
  prompt: z.string().max(20_000).optional(),
  phases: ZPhases.optional(),
  rules: ZRules.optional(),
  status: z
    .enum(['draft', 'published'])
    .optional()
    .describe('publishing tells the project followers; a published challenge with ideas cannot go back to draft'),
});
export type UpdateChallengeRequest = z.infer<typeof ZUpdateChallengeRequest>;

/**
 * Edits a challenge (hosts): title, prompt, phase dates, rules, and publishing.
 * @example const challenge = await updateChallenge(ctx, actor, 'chl_…', { status: 'published' })
 */
export async function updateChallenge(ctx: AppContext, actor: Actor, id: string, patch: UpdateChallengeRequest) {
  const { challenge } = await hostChallenge(ctx.db, id, actor);
  const now = ctx.clock.now();
  const phases = patch.phases;
  // Phases may be given whole only (checked in order by the schema).
  await ctx.db.transaction(async (tx) => {
    const c = (await lockChallenge(tx, challenge.id))!;
    if (patch.status === 'draft' && c.status === 'published') {
      if ((await countIdeasOfChallenge(tx, c.id)) > 0) {
        throw conflict(
          'challenge_has_ideas',
          'This challenge already has ideas from the crowd: it cannot go back to draft. Move its closing date instead.',
          { field: 'body.status' },
        );
      }
    }
    const publishing = patch.status === 'published' && c.status === 'draft';
    const rules = patch.rules ?? {};
    const updated = await updateChallengeRow(tx, c.id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.prompt !== undefined ? { prompt: patch.prompt } : {}),
      ...(phases
        ? {
            submissionAt: new Date(phases.submission),
            votingAt: new Date(phases.voting),
            reviewAt: new Date(phases.review),
            closedAt: new Date(phases.closed),
          }
        : {}),
      ...(rules.votesPerPerson !== undefined ? { votesPerPerson: rules.votesPerPerson } : {}),
      ...(rules.submissionsDuringVoting !== undefined ? { submissionsDuringVoting: rules.submissionsDuringVoting } : {}),
      ...(rules.publicRanking !== undefined ? { publicRanking: rules.publicRanking } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(publishing ? { publishedAt: now } : {}),
      updatedAt: now,
    });
    if (publishing) await announceChallenge(tx, updated, actor.userId);
  });
  return showChallenge(ctx, challenge.id, actor);
}
