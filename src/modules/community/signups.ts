import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema/accounts.js';
import { projectSignups } from '../../db/schema/audience.js';
import type { Actor } from '../../http/auth.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { findProject, requireProjectHost } from '../projects/access.js';

export interface SignupAnswer {
  projectId: string;
  email: string;
  /** False the first time; true when this address had already asked (nothing changed). */
  alreadySignedUp: boolean;
}

/**
 * "Notify me at launch": records an address once per project. Signed-in people sign up with their account's
 * e-mail (whatever the body says); anonymous visitors give one.
 * @example await signUpForLaunch(ctx, null, 'solar-lights', { email: 'zoe@example.org', locale: 'fr' })
 */
export async function signUpForLaunch(
  ctx: AppContext,
  actor: Actor | null,
  idOrSlug: string,
  input: { email?: string; locale?: 'en' | 'fr' },
): Promise<SignupAnswer> {
  const project = await findProject(ctx.db, idOrSlug, actor);
  let email = input.email;
  let locale = input.locale ?? 'en';
  let userId: string | null = null;
  if (actor) {
    const [u] = await ctx.db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, actor.userId)).limit(1);
    email = u!.email;
    locale = (u!.locale as 'en' | 'fr') ?? locale;
    userId = actor.userId;
  }
  if (!email)
    throw new DomainError('validation_failed', 'body.email: an e-mail address is needed to tell you at launch', [
      { field: 'body.email', message: 'is required when not signed in' },
    ]);
  const inserted = await ctx.db
    .insert(projectSignups)
    .values({ id: newId('sgn'), projectId: project.id, userId, email, locale, createdAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning({ id: projectSignups.id });
  return { projectId: project.id, email, alreadySignedUp: inserted.length === 0 };
}

/**
 * For the validation panel (hosts): how many asked to be told at launch, how many were told, and per UTC day
 * over the last `days` days (days without sign-ups included, with 0).
 * @example await signupStats(ctx, actor, projectId, 30) // { count: 42, notified: 0, daily: [{ date: '2026-03-01', count: 3 }, …] }
 */
export async function signupStats(ctx: AppContext, actor: Actor | null, idOrSlug: string, days: number) {
  const project = await requireProjectHost(ctx.db, idOrSlug, actor);
  const today = new Date(ctx.clock.now().toISOString().slice(0, 10) + 'T00:00:00Z');
  const from = new Date(today.getTime() - (days - 1) * 86_400_000);
  const totals =
    await ctx.db.execute(sql`SELECT count(*)::int AS count, count(notified_at)::int AS notified, count(user_id)::int AS with_account
    FROM project_signups WHERE project_id = ${project.id}`);
  const perDay = await ctx.db.execute(sql`SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, count(*)::int AS count
    FROM project_signups WHERE project_id = ${project.id} AND created_at >= ${from.toISOString()}::timestamptz
    GROUP BY 1 ORDER BY 1`);
  const t = (totals as unknown as { rows: { count: number; notified: number; with_account: number }[] }).rows[0]!;
  const counts = new Map((perDay as unknown as { rows: { date: string; count: number }[] }).rows.map((r) => [r.date, Number(r.count)]));
  const daily: { date: string; count: number }[] = [];
  for (let d = from.getTime(); d <= today.getTime(); d += 86_400_000) {
    const date = new Date(d).toISOString().slice(0, 10);
    daily.push({ date, count: counts.get(date) ?? 0 });
  }
  return {
    projectId: project.id,
    count: Number(t.count),
    notified: Number(t.notified),
    withAccount: Number(t.with_account),
    followers: project.followersCount,
    days,
    daily,
  };
}
