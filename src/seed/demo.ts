import { sql } from 'drizzle-orm';
// The seed comments on updates and opens projects through the services: the modules' registrations must be there.
import '../modules/wiring.js';
import type { AppContext } from '../context.js';
import { users } from '../db/schema/accounts.js';
import { seedCommunity } from './community.js';
import { createDemoPeople, DEMO_PASSWORD, type DemoPeople } from './people.js';

export { DEMO_PASSWORD };

export interface SeedResult {
  password: string;
  logins: { email: string; description: string }[];
}

/** A domain's demo data, made through its services as the demo's people. */
export type DomainSeeder = (ctx: AppContext, people: DemoPeople) => Promise<void>;

/**
 * Every domain's seeder, run in this order after the people exist. Community comes first: it makes the
 * organizations and projects (`DEMO_PROJECTS` in ./community.ts) the others build on. A domain adds its demo
 * by writing src/seed/<domain>.ts with `export async function seed<Domain>(ctx, people)` and listing it here.
 */
export const DOMAIN_SEEDERS: DomainSeeder[] = [seedCommunity];

/**
 * Seeds the demo when the database has no account yet; returns the logins, or null when it did nothing.
 * @example const seeded = await seedDemoIfEmpty(ctx); if (seeded) console.log(seeded.logins)
 */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<SeedResult | null> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemo(ctx);
}

/**
 * A small demo: five people, two organizations, six projects in English and French with follows, comments,
 * updates and sign-ups, then whatever the other domains add.
 * @example const { password, logins } = await seedDemo(ctx)
 */
export async function seedDemo(ctx: AppContext): Promise<SeedResult> {
  const people = await createDemoPeople(ctx);
  for (const seed of DOMAIN_SEEDERS) await seed(ctx, people);
  return {
    password: DEMO_PASSWORD,
    logins: Object.values(people).map((p) => ({ email: p.email, description: p.description })),
  };
}
