import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { challenges, ideas } from '../../db/schema/ideas.js';
import type { Actor } from '../../http/auth.js';
import { conflict } from '../../lib/errors.js';
import { hostChallenge } from './access.js';
import { announceChallenge, showChallenge } from './challenges.js';
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
    const [current] = await tx.select().from(challenges).where(eq(challenges.id, challenge.id)).for('update');
    const c = current!;
    if (patch.status === 'draft' && c.status === 'published') {
      const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(ideas).where(eq(ideas.challengeId, c.id));
      if ((n?.n ?? 0) > 0) {
        throw conflict(
          'challenge_has_ideas',
          'This challenge already has ideas from the crowd: it cannot go back to draft. Move its closing date instead.',
          { field: 'body.status' },
        );
      }
    }
    const publishing = patch.status === 'published' && c.status === 'draft';
    const rules = patch.rules ?? {};
    const [updated] = await tx
      .update(challenges)
      .set({
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
      })
      .where(eq(challenges.id, c.id))
      .returning();
    if (publishing) await announceChallenge(tx, updated!, actor.userId);
  });
  return showChallenge(ctx, challenge.id, actor);
}
