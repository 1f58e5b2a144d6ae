import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { personById } from '../accounts/people.js';
import { findProject, requireProjectHost } from '../projects/access.js';
import { countSignups, countSignupsPerDay, insertSignup } from './audience-queries.js';

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
    const u = await personById(ctx.db, actor.userId);
    email = u!.email;
    locale = (u!.locale as 'en' | 'fr') ?? locale;
    userId = actor.userId;
  }
  if (!email)
    throw new DomainError('validation_failed', 'body.email: an e-mail address is needed to tell you at launch', [
      { field: 'body.email', message: 'is required when not signed in' },
    ]);
  const added = await insertSignup(ctx.db, { id: newId('sgn'), projectId: project.id, userId, email, locale, createdAt: ctx.clock.now() });
  return { projectId: project.id, email, alreadySignedUp: !added };
}

/**
 * For the validation panel (hosts): how many asked to be told at launch, how many were told, and per UTC day
 * over the last `days` days (days without sign-ups included, with 0).
 * @example await signupStats(ctx, actor, projectId, 30) // { count: 42, notified: 0, daily: [{ date: '2026-03-01', count: 3 }, …] }
 */
export async function signupStats(ctx: AppContext, actor: Actor | null, idOrSlug: string, days: number) {
  const project = await requireProjectHost(ctx.db, idOrSlug, actor);
  const today = new Date(`${ctx.clock.now().toISOString().slice(0, 10)}T00:00:00Z`);
  const from = new Date(today.getTime() - (days - 1) * 86_400_000);
  const totals = await countSignups(ctx.db, project.id);
  const counts = await countSignupsPerDay(ctx.db, project.id, from);
  const daily: { date: string; count: number }[] = [];
  for (let d = from.getTime(); d <= today.getTime(); d += 86_400_000) {
    const date = new Date(d).toISOString().slice(0, 10);
    daily.push({ date, count: counts.get(date) ?? 0 });
  }
  return {
    projectId: project.id,
    ...totals,
    followers: project.followersCount,
    days,
    daily,
  };
}
