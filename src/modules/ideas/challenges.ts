import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { challenges, ideas } from '../../db/schema/ideas.js';
import type { Actor } from '../../http/auth.js';
import { badRequest, conflict } from '../../http/errors.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { followerIds } from '../community/audience.js';
import { recordActivity } from '../community/activity.js';
import { notify } from '../notifications/service.js';
import { findProject, isProjectHost, requireProjectHost } from '../projects/access.js';
import { hostChallenge, type Challenge } from './access.js';
import { presentChallenge } from './present.js';
import type { CreateChallengeRequest, UpdateChallengeRequest } from './schemas.js';

const DEFAULT_VOTES_PER_PERSON = 10;

async function announce(tx: Executor, c: Challenge, actorId: string) {
  await notify(tx, {
    userIds: (await followerIds(tx, c.projectId)).filter((id) => id !== actorId),
    kind: 'challenge_opened',
    subject: `challenge:${c.id}`,
    data: { title: c.title, projectId: c.projectId, link: `/challenges/${c.id}` },
  });
  await recordActivity(tx, { projectId: c.projectId, kind: 'challenge_opened', actorId, subject: `challenge:${c.id}`, data: { title: c.title } });
}

/**
 * Opens a challenge on a project (hosts). Published at once with `status: 'published'`, else a draft.
 * @example const id = await createChallenge(ctx, actor, 'prj_…', { title, prompt, phases, rules: {}, status: 'draft' })
 */
export async function createChallenge(ctx: AppContext, actor: Actor, projectIdOrSlug: string, input: CreateChallengeRequest): Promise<string> {
  const project = await requireProjectHost(ctx.db, projectIdOrSlug, actor);
  const id = newId('chl');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(challenges)
      .values({
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
      })
      .returning();
    if (input.status === 'published') await announce(tx, c!, actor.userId);
  });
  return id;
}

/**
 * Edits a challenge (hosts): title, prompt, phase dates, rules, and publishing.
 * @example await updateChallenge(ctx, actor, 'chl_…', { status: 'published' })
 */
export async function updateChallenge(ctx: AppContext, actor: Actor, id: string, patch: UpdateChallengeRequest): Promise<void> {
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
        throw conflict('challenge_has_ideas', 'This challenge already has ideas from the crowd: it cannot go back to draft. Move its closing date instead.', { field: 'body.status' });
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
          ? { submissionAt: new Date(phases.submission), votingAt: new Date(phases.voting), reviewAt: new Date(phases.review), closedAt: new Date(phases.closed) }
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
    if (publishing) await announce(tx, updated!, actor.userId);
  });
}

/**
 * A project's challenges, newest first; drafts only for its hosts.
 * @example await listChallenges(ctx, 'prj_…', actor, { limit: 20 })
 */
export async function listChallenges(ctx: AppContext, projectIdOrSlug: string, actor: Actor | null, page: { limit: number; cursor?: string }) {
  const project = await findProject(ctx.db, projectIdOrSlug, actor);
  const isHost = await isProjectHost(ctx.db, project, actor);
  const pos = decodeCursor(page.cursor);
  if (page.cursor && (!pos || Number.isNaN(new Date(String(pos.v)).getTime()))) throw badRequest('invalid_cursor', 'This cursor is not valid: start again without it.', { field: 'querystring.cursor' });
  const rows = await ctx.db
    .select()
    .from(challenges)
    .where(
      and(
        eq(challenges.projectId, project.id),
        // Why: drafts are visible to the project's hosts only.
        isHost ? undefined : eq(challenges.status, 'published'),
        pos
          ? or(lt(challenges.createdAt, new Date(String(pos.v))), and(eq(challenges.createdAt, new Date(String(pos.v))), lt(challenges.id, pos.id)))
          : undefined,
      ),
    )
    .orderBy(desc(challenges.createdAt), desc(challenges.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit, (c) => ({ v: c.createdAt.toISOString(), id: c.id }));
  const now = ctx.clock.now();
  const shown = [];
  for (const c of items) shown.push(await presentChallenge(ctx.db, c, actor, isHost, now));
  return { items: shown, nextCursor };
}
