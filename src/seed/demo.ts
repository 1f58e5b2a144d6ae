import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { users } from '../db/schema/accounts.js';
import { signup } from '../modules/accounts/service.js';
import { createProject } from '../modules/projects/service.js';

export const DEMO_PASSWORD = 'foule-demo-2026';

export interface SeedResult {
  password: string;
  logins: { email: string; description: string }[];
}

/** Seeds the demo when the database has no account yet; returns the logins, or null when it did nothing. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<SeedResult | null> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemo(ctx);
}

/** A small demo: a few people, organizations and projects. */
export async function seedDemo(ctx: AppContext): Promise<SeedResult> {
  const alice = await signup(ctx, { email: 'alice@demo.foule', password: DEMO_PASSWORD, name: 'Alice Martin', locale: 'fr' });
  await signup(ctx, { email: 'bob@demo.foule', password: DEMO_PASSWORD, name: 'Bob Nguyen' });
  const actor = { userId: alice.user.id, role: 'member' as const, via: 'session' as const };
  await createProject(ctx, actor, {
    title: 'Solar Bike Lights',
    summary: 'Bike lights that charge in the sun and never need batteries.',
    description: '## Why\nCyclists forget to charge their lights. Ours charge while parked.',
    category: 'technology',
  });
  return {
    password: DEMO_PASSWORD,
    logins: [
      { email: 'alice@demo.foule', description: 'hosts projects' },
      { email: 'bob@demo.foule', description: 'a member of the crowd' },
    ],
  };
}
