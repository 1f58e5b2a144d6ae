import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { systemClock, type AppContext } from '../context.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { testDatabase } from '../../test/support/test-app.js';
import { DEMO_PROJECTS } from './community.js';
import { DEMO_PASSWORD, seedDemo, seedDemoIfEmpty, type SeedResult } from './demo.js';

/**
 * The demo needs an empty database: on PostgreSQL a database of its own (the run's one is shared by every test
 * file), on PGlite this file's own clone.
 */
let database: Database;
let dropDatabase = async () => {};
let ctx: AppContext;
let app: FastifyInstance;
let seeded: SeedResult;

beforeAll(async () => {
  const pgUrl = inject('pgUrl');
  if (pgUrl) {
    const name = `foule_seed_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    await migrate(database);
    dropDatabase = async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    database = await testDatabase();
  }
  ctx = {
    database,
    db: database.db,
    config: loadConfig({ FOULE_SEED: 'none', FOULE_RATE_LIMIT: 'off', FOULE_SCHEDULER: 'off', LOG_LEVEL: 'silent' }),
    clock: systemClock,
  };
  app = await buildApp(ctx);
  seeded = (await seedDemoIfEmpty(ctx))!;
});
afterAll(async () => {
  await app?.close();
  await dropDatabase();
});

const rows = async <T>(query: ReturnType<typeof sql>) => ((await ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
const get = async (url: string) => (await app.inject({ method: 'GET', url })).json();

describe('seedDemo', () => {
  it('creates five people who sign in with the demo password, alice and bob included', async () => {
    expect(seeded.password).toBe(DEMO_PASSWORD);
    const emails = seeded.logins.map((l) => l.email);
    expect(emails).toEqual(expect.arrayContaining(['alice@demo.foule', 'bob@demo.foule']));
    expect(emails).toHaveLength(5);
    for (const email of emails) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(200);
    }
    expect(seeded.logins.every((l) => l.description.length > 0)).toBe(true);
  });

  it('makes two organizations with members and six projects in English and French', async () => {
    const projects = await get('/api/v1/projects?limit=100');
    expect(projects.items).toHaveLength(6);
    for (const slug of Object.values(DEMO_PROJECTS)) expect(projects.items.map((p: { slug: string }) => p.slug)).toContain(slug);
    expect(new Set(projects.items.map((p: { category: string }) => p.category)).size).toBeGreaterThanOrEqual(5);
    const atelier = await get('/api/v1/orgs/atelier-velo-lyon');
    expect(atelier.members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual([
      'Alice Martin:owner',
      'Emma Leroy:member',
      'Bob Nguyen:member',
    ]);
    expect(atelier.projects.map((p: { slug: string }) => p.slug)).toEqual([DEMO_PROJECTS.repairWorkshop]);
    const science = await get('/api/v1/orgs/open-science-collective');
    expect(science.members.map((m: { role: string }) => m.role)).toEqual(['owner', 'admin', 'member']);
    expect((await get('/api/v1/projects?q=v%C3%A9los')).items[0].slug).toBe(DEMO_PROJECTS.repairWorkshop);
    expect((await get('/api/v1/projects?q=sensors')).items[0].slug).toBe(DEMO_PROJECTS.airSensors);
  });

  it('adds follows with exact counts, threads with replies, updates that told followers, and sign-ups', async () => {
    const counts = await rows<{ slug: string; followers_count: number; n: number }>(
      sql`SELECT p.slug, p.followers_count, (SELECT count(*)::int FROM project_follows f WHERE f.project_id = p.id) AS n FROM projects p`,
    );
    expect(counts.every((c) => Number(c.followers_count) === Number(c.n))).toBe(true);
    expect(counts.find((c) => c.slug === DEMO_PROJECTS.solarLights)!.n).toBe(4);
    const solar = await get(`/api/v1/projects/${DEMO_PROJECTS.solarLights}`);
    const threads = await get(`/api/v1/comments?subject=project:${solar.id}`);
    expect(threads.total).toBeGreaterThanOrEqual(4);
    expect(threads.items.some((t: { replies: { depth: number }[] }) => t.replies.some((r) => r.depth === 2))).toBe(true);
    const updates = await get(`/api/v1/projects/${solar.id}/updates`);
    expect(updates.items[0]).toMatchObject({ title: 'Prototype 3 survived the winter', comments: 1 });
    const told = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'project_update' AND subject = ${`update:${updates.items[0].id}`}`,
    );
    expect(told[0]!.n).toBe(4);
    const signups = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM project_signups WHERE project_id = ${solar.id}`);
    expect(signups[0]!.n).toBe(5);
    const feed = await get(`/api/v1/projects/${solar.id}/activity?limit=100`);
    expect(new Set(feed.items.map((a: { kind: string }) => a.kind))).toEqual(new Set(['project_created', 'follow', 'comment', 'update']));
  });

  it('does nothing on a database that already has accounts', async () => {
    expect(await seedDemoIfEmpty(ctx)).toBeNull();
    await expect(seedDemo(ctx)).rejects.toThrow(/already exists/);
  });
});
