import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { uniqueTags } from '../../http/tag-schema.js';
import { conflict, forbidden } from '../../lib/errors.js';
import { notify } from '../notifications/service.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { submissionOpen, viewIdea } from './access.js';
import { IDEA_STATUSES, updateIdeaRow } from './idea-queries.js';
import { getIdea } from './ideas.js';
import { ZTag, ZTitle } from './schemas.js';

export const ZUpdateIdeaRequest = z
  .object({
    title: ZTitle.optional(),
    body: z.string().max(20_000).optional(),
    tags: z.array(ZTag).max(10).optional(),
    status: z.enum(IDEA_STATUSES).optional().describe('hosts only'),
    note: z.string().trim().max(2000).nullable().optional().describe('hosts only: a note to the author about the status'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one field to change' });
export type UpdateIdeaRequest = z.infer<typeof ZUpdateIdeaRequest>;

/**
 * Changes an idea: its text and tags (its author, while ideas are accepted; or a host), or its stage-gate
 * status with a note to the author (hosts). The author is told of a new status.
 * @example const idea = await updateIdea(ctx, host, 'ide_…', { status: 'shortlisted', note: 'Great, costed next month' })
 */
export async function updateIdea(ctx: AppContext, actor: Actor, id: string, patch: UpdateIdeaRequest, from?: AuditFrom) {
  const { idea, challenge, isHost } = await viewIdea(ctx.db, id, actor);
  const now = ctx.clock.now();
  const changesStatus = patch.status !== undefined || patch.note !== undefined;
  const changesText = patch.title !== undefined || patch.body !== undefined || patch.tags !== undefined;
  // Why: the stage-gate decision is the hosts' to make.
  if (changesStatus && !isHost) throw forbidden('Only the hosts of this project can set the status of an idea.', { field: 'body.status' });
  if (changesText) {
    // Why: an idea's words are its author's; hosts may correct them (moderation).
    if (!isHost && idea.authorId !== actor.userId) throw forbidden('Only the author of this idea can edit it.');
    if (!isHost && !submissionOpen(challenge, now, false)) {
      throw conflict('challenge_phase_closed', 'Ideas can be edited only while the challenge accepts ideas.', {
        phase: 'closed_for_edits',
        action: 'edit',
      });
    }
  }
  if (idea.mergedIntoId)
    throw conflict('idea_merged', 'This idea was merged into another one: change that one instead.', { mergedIntoId: idea.mergedIntoId });
  await ctx.db.transaction(async (tx) => {
    const statusChanged = patch.status !== undefined && patch.status !== idea.status;
    await updateIdeaRow(tx, idea.id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.body !== undefined ? { body: patch.body } : {}),
      ...(patch.tags !== undefined ? { tags: uniqueTags(patch.tags) } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      // A new status without a note clears the note of the previous one.
      ...(patch.note !== undefined ? { statusNote: patch.note || null } : statusChanged ? { statusNote: null } : {}),
      ...(changesStatus ? { statusChangedAt: now } : {}),
      updatedAt: now,
    });
    if (changesStatus && idea.authorId !== actor.userId) {
      await notify(tx, {
        userIds: [idea.authorId],
        kind: 'idea_status_changed',
        subject: `idea:${idea.id}`,
        data: {
          title: patch.title ?? idea.title,
          status: patch.status ?? idea.status,
          note: patch.note ?? null,
          challengeId: challenge.id,
          link: `/ideas/${idea.id}`,
        },
      });
    }
    // A host's stage-gate decision, and a host's edit of someone else's words, are on the record.
    if (isHost && (changesStatus || idea.authorId !== actor.userId)) {
      const fields = (['title', 'body', 'tags', 'status', 'note'] as const).filter((k) => patch[k] !== undefined);
      await recordAudit(
        tx,
        {
          action: changesStatus ? 'idea.status_change' : 'idea.update',
          targetType: 'idea',
          targetId: idea.id,
          projectId: idea.projectId,
          summary: changesStatus
            ? `Set idea ${quote(patch.title ?? idea.title)} to ${patch.status ?? idea.status}${statusChanged ? ` (was ${idea.status})` : ''}${patch.note ? `: ${quote(patch.note)}` : ''}`
            : `Edited idea ${quote(patch.title ?? idea.title)} of ${idea.authorId}: ${fields.join(', ')}`,
          data: {
            challengeId: challenge.id,
            authorId: idea.authorId,
            fields,
            ...(changesStatus ? { from: idea.status, to: patch.status ?? idea.status, note: patch.note ?? null } : {}),
          },
          at: now,
        },
        from ?? actor,
      );
    }
  });
  return getIdea(ctx, actor, idea.id);
}
