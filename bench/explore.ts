// `npm run bench -- explore`: explore and search over 20,000 projects, a 1,000-comment discussion and a busy
// activity feed, on PostgreSQL, over HTTP against a real server; then follow/unfollow churn with exact counts.
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { systemClock, type AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { benchConfig } from './_support.js';

// autocannon ships no types: the little of it used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<{
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
}>;

const PROJECTS = Number(process.env.BENCH_EXPLORE_PROJECTS ?? 20_000);
const PEOPLE = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95) };
};
const fmt = (x: number) => x.toFixed(1);

export async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `foule_bench_explore_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  try {
    await migrate(database);
    const config = benchConfig(url.toString());
    const ctx: AppContext = { database, db: database.db, config, clock: systemClock };
    const app = await buildApp(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const base = `${origin}/api/v1`;
    const session = { cookie: '', csrf: '' };
    const call = async (method: string, path: string, body?: unknown, who = session) => {
      const res = await fetch(base + path, {
        method,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res;
    };
    const signup = async (email: string) => {
      const res = await call('POST', '/auth/signup', { email, password: 'bench password', name: email.split('@')[0] });
      return {
        cookie: res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
        csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
      };
    };
    Object.assign(session, await signup('host@bench.test'));
    const project = (await (
      await call('POST', '/projects', { title: 'Atelier de réparation de vélos', summary: 'Bench', category: 'community' })
    ).json()) as { id: string };

    const t0 = performance.now();
    const x = (s: string) => ctx.db.execute(sql.raw(s));
    await x(
      `INSERT INTO users (id, email, password_hash, name) SELECT 'usr_b' || g, 'p' || g || '@bench.test', 'x', 'Person ' || g FROM generate_series(1, ${PEOPLE}) g`,
    );
    const en = `ARRAY['solar bike lights','community garden','open air quality sensors','board game about climate','tool library','repair café','kids coding club','river clean-up','indie comic book','bakery co-op','mesh network','beekeeping kit']`;
    const fr = `ARRAY['lampes de vélo solaires','jardins partagés','capteurs de qualité de l''air','jeu de société sur le climat','bibliothèque d''outils','atelier de réparation de vélos','club de code pour enfants','nettoyage de rivière','bande dessinée','boulangerie coopérative','réseau maillé','ruches connectées']`;
    const cats = `ARRAY['technology','design','arts','community','environment','science','education','health','civic','food','games','other']`;
    await x(`INSERT INTO projects (id, slug, owner_id, title, summary, description, category, followers_count, created_at)
      SELECT 'prj_b' || lpad(g::text, 6, '0'), 'bench-' || g, 'usr_b' || (1 + g % ${PEOPLE}),
        CASE WHEN g % 2 = 0 THEN initcap((${en})[1 + g % 12]) ELSE initcap((${fr})[1 + g % 12]) END || ' ' || g,
        CASE WHEN g % 2 = 0 THEN 'A project about ' || (${en})[1 + (g / 12) % 12] ELSE 'Un projet de ' || (${fr})[1 + (g / 12) % 12] END,
        repeat('Lorem ipsum dolor sit amet, neighbours and cyclists together. ', 1 + g % 20),
        (${cats})[1 + g % 12], (g * 7919) % 500, now() - (g || ' minutes')::interval
      FROM generate_series(1, ${PROJECTS}) g`);
    await x(`INSERT INTO comments (id, subject_type, subject_id, project_id, root_id, parent_id, depth, author_id, body, body_html, created_at)
      SELECT 'cmt_b' || lpad(g::text, 6, '0'), 'project', '${project.id}', '${project.id}', 'cmt_b' || lpad(g::text, 6, '0'), NULL, 0, 'usr_b' || (1 + g % ${PEOPLE}),
        'Comment ' || g, '<p>Comment ' || g || '</p>', now() - (g || ' seconds')::interval FROM generate_series(1, 200) g`);
    await x(`INSERT INTO comments (id, subject_type, subject_id, project_id, root_id, parent_id, depth, author_id, body, body_html, created_at)
      SELECT 'cmt_r' || lpad(g::text, 6, '0'), 'project', '${project.id}', '${project.id}', 'cmt_b' || lpad((1 + g % 200)::text, 6, '0'), 'cmt_b' || lpad((1 + g % 200)::text, 6, '0'), 1,
        'usr_b' || (1 + g % ${PEOPLE}), 'Reply ' || g, '<p>Reply ' || g || '</p>', now() FROM generate_series(1, 800) g`);
    await x(`UPDATE comments c SET replies_count = 4 WHERE c.parent_id IS NULL AND c.subject_id = '${project.id}'`);
    await x(`INSERT INTO project_activity (id, project_id, kind, actor_id, subject, data, created_at)
      SELECT 'act_b' || lpad(g::text, 6, '0'), '${project.id}', 'follow', 'usr_b' || (1 + g % ${PEOPLE}), 'project:${project.id}', '{}'::jsonb, now() - (g || ' seconds')::interval
      FROM generate_series(1, 10000) g`);
    for (const table of ['projects', 'comments', 'project_activity', 'users']) await database.exec(`VACUUM ANALYZE ${table}`);
    console.log(
      `seeded ${PROJECTS.toLocaleString('en')} projects (half English, half French), ${PEOPLE} people, a 1,000-comment discussion and a 10,000-event feed in ${fmt((performance.now() - t0) / 1000)} s`,
    );

    const time = async (label: string, path: string) => {
      const ms: number[] = [];
      let count = 0;
      for (let i = 0; i < RUNS + 3; i++) {
        const start = performance.now();
        const body = (await (await call('GET', path)).json()) as { items: unknown[] };
        if (i >= 3) ms.push(performance.now() - start);
        count = body.items.length;
      }
      const s = stats(ms);
      console.log(`${label.padEnd(44)} ${String(count).padStart(3)} items: median ${fmt(s.median)} ms, p95 ${fmt(s.p95)} ms`);
    };
    await time('GET /projects (newest)', '/projects?limit=20');
    const deep = (await (await call('GET', '/projects?limit=100')).json()) as { nextCursor: string };
    await time('GET /projects (newest, page 2 by cursor)', `/projects?limit=20&cursor=${deep.nextCursor}`);
    await time('GET /projects?sort=popular', '/projects?limit=20&sort=popular');
    await time('GET /projects?category=science', '/projects?limit=20&category=science');
    await time('GET /projects?q=vélos (~1/6 match)', `/projects?limit=20&q=${encodeURIComponent('vélos')}`);
    await time('GET /projects?q=bikes (~1/12 match, English)', '/projects?limit=20&q=bikes');
    await time('GET /projects?q=ruches (rare French word)', '/projects?limit=20&q=ruches');
    await time('GET /projects?q=climate&sort=popular', '/projects?limit=20&q=climate&sort=popular');
    await time('GET /comments (20 threads of 1,000 comments)', `/comments?subject=project:${project.id}&limit=20`);
    await time('GET /projects/{id}/activity (10,000 events)', `/projects/${project.id}/activity?limit=20`);

    const searchRun = await autocannon({
      url: `${base}/projects?limit=20&q=${encodeURIComponent('jardins partagés')}`,
      connections: 10,
      duration: 5,
    });
    console.log(
      `autocannon GET /projects?q=jardins partagés, 10 connections, 5 s: ${Math.round(searchRun.requests.average)} req/s, p50 ${searchRun.latency.p50} ms, p99 ${searchRun.latency.p99} ms, ${searchRun.non2xx} errors`,
    );

    // Follow/unfollow churn from 50 people at once, then check the count against the rows.
    const fans = await Promise.all(Array.from({ length: 50 }, (_, i) => signup(`fan${i}@bench.test`)));
    const c0 = performance.now();
    let calls = 0;
    await Promise.all(
      fans.map(async (fan, i) => {
        for (let k = 0; k < 6; k++) {
          await call(k % 2 === 0 || i % 3 === 0 ? 'POST' : 'DELETE', `/projects/${project.id}/follow`, undefined, fan);
          calls++;
        }
      }),
    );
    const elapsed = (performance.now() - c0) / 1000;
    const check = (
      (await x(
        `SELECT followers_count, (SELECT count(*)::int FROM project_follows WHERE project_id = '${project.id}') AS n FROM projects WHERE id = '${project.id}'`,
      )) as unknown as { rows: { followers_count: number; n: number }[] }
    ).rows[0]!;
    console.log(
      `follow/unfollow churn: ${calls} calls from 50 people at once in ${fmt(elapsed)} s (${Math.round(calls / elapsed)}/s); followers_count ${check.followers_count} = ${check.n} rows: ${Number(check.followers_count) === Number(check.n) ? 'exact' : 'MISMATCH'}`,
    );
    await app.close();
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
