// `npm run bench -- pledges`: pledges over HTTP on one hot all-or-nothing campaign, by 64 concurrent clients for
// 20 s, against a real server on PostgreSQL (one instance, then two behind a round-robin client, as behind a
// load balancer); and, in the same run on the same database, bare one-row INSERT transactions from 64 clients
// (before and after). Prints pledges/s, p50 and p99, the INSERT rate, the ratio.
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { benchConfig, extraServer, measured } from './_support.js';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { systemClock, type AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 400_000);
const POOL = Number(process.env.BENCH_POOL ?? 24);
/** Runs with 1, then 2 identical server instances (the first in this thread, others in worker threads), as behind a load balancer. */
const SERVERS = (process.env.BENCH_SERVERS ?? '1,2').split(',').map(Number);

interface LoadResult {
  count: number;
  seconds: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  firstError: string | null;
}

function load(data: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./_load-worker.mjs', import.meta.url), { workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const fmt = (x: number, d = 1) => x.toFixed(d);

export async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `foule_bench_pledges_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: POOL });
  let closed = false;
  try {
    await migrate(database);
    const config = benchConfig(url.toString());
    const ctx: AppContext = { database, db: database.db, config, clock: systemClock };
    const app = await buildApp(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;

    // Seed: a host, a project, a live all-or-nothing campaign with an unlimited tier; many people with sessions.
    const x = (s: string) => ctx.db.execute(sql.raw(s));
    const t0 = performance.now();
    await x(
      `INSERT INTO users (id, email, password_hash, name) SELECT 'usr_b' || g, 'p' || g || '@bench.test', 'x', 'Person ' || g FROM generate_series(0, ${PEOPLE}) g`,
    );
    await x(`INSERT INTO sessions (id, token_hash, user_id, csrf_token, expires_at)
      SELECT 'ses_b' || g, encode(sha256(convert_to('benchtok' || g, 'UTF8')), 'hex'), 'usr_b' || g, 'csrf' || g, now() + interval '1 day' FROM generate_series(1, ${PEOPLE}) g`);
    await x(
      `INSERT INTO projects (id, slug, owner_id, title, summary, category) VALUES ('prj_bench', 'bench', 'usr_b0', 'Bench project', 'Bench', 'technology')`,
    );
    await x(`INSERT INTO campaigns (id, project_id, host_owner, title, currency, goal, model, deadline, status, created_by, launched_at)
      VALUES ('cmp_bench', 'prj_bench', 'user:usr_b0', 'Hot campaign', 'EUR', 100000000, 'all_or_nothing', now() + interval '30 days', 'live', 'usr_b0', now())`);
    await x(`INSERT INTO campaign_tiers (id, campaign_id, position, title, price) VALUES ('tier_bench', 'cmp_bench', 0, 'Reward', 2000)`);
    await x(
      `CREATE TABLE bench_bare (id bigserial PRIMARY KEY, k text NOT NULL, amount bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
    for (const table of ['users', 'sessions', 'campaigns', 'campaign_tiers', 'pledges']) await database.exec(`VACUUM ANALYZE ${table}`);
    // Start from a steady state: the seeding's dirty pages written out now, not by a checkpoint during a run.
    await database.exec('CHECKPOINT');
    console.log(
      `seeded ${PEOPLE.toLocaleString('en')} people with sessions in ${fmt((performance.now() - t0) / 1000)} s; server instances ${SERVERS.join(' then ')} with ${POOL} connections each; ${CLIENTS} clients, ${SECONDS} s a run`,
    );

    const bare = async () => load({ mode: 'insert', url: url.toString(), connections: CLIENTS, durationMs: SECONDS * 1000 });
    const people = Array.from({ length: PEOPLE }, (_, i) => ({ token: `benchtok${i + 1}`, csrf: `csrf${i + 1}` }));
    const body = { amount: 2500, tierId: 'tier_bench', payment: { type: 'test_card', number: '4242424242424242' } };
    const path = '/api/v1/campaigns/cmp_bench/pledges';
    let used = 0;
    const slice = (n: number) => {
      const from = used;
      used = Math.min(PEOPLE, used + n);
      return people.slice(from, used);
    };

    const before = await measured(bare);
    const runs: { servers: number; run: LoadResult; cpu: NodeJS.CpuUsage; busy: number }[] = [];
    for (const servers of SERVERS) {
      const extra = await Promise.all(Array.from({ length: servers - 1 }, () => extraServer(url.toString(), POOL)));
      const ports = [port, ...extra.map((e) => e.port)];
      // A short warm-up (JIT, connection pools, caches) on people the measured run does not use.
      await load({ mode: 'http', host: '127.0.0.1', ports, path, people: slice(10_000), body, connections: CLIENTS, durationMs: 2000 });
      const cpu0 = process.cpuUsage();
      const { result: run, busy } = await measured(() =>
        load({
          mode: 'http',
          host: '127.0.0.1',
          ports,
          path,
          people: slice(Math.floor((PEOPLE - 30_000) / SERVERS.length)),
          body,
          connections: CLIENTS,
          durationMs: SECONDS * 1000,
        }),
      );
      runs.push({ servers, run, cpu: process.cpuUsage(cpu0), busy });
      await Promise.all(extra.map((e) => e.stop()));
    }
    // The platform's own ceiling for a signed-in request (session lookup, no work): GET /me from the same clients.
    const me = await load({
      mode: 'http',
      method: 'GET',
      host: '127.0.0.1',
      ports: [port],
      path: '/api/v1/me',
      people: people.slice(0, 20_000),
      body: null,
      connections: CLIENTS,
      durationMs: Math.min(10, SECONDS) * 1000,
    });
    const stored = Number(
      ((await x(`SELECT count(*) AS n FROM pledges WHERE campaign_id = 'cmp_bench'`)) as unknown as { rows: { n: string }[] }).rows[0]!.n,
    );
    const view = (await (await fetch(`http://127.0.0.1:${port}/api/v1/campaigns/cmp_bench`)).json()) as {
      raised: { amount: number };
      backers: number;
    };
    // The server's connections are closed before the second INSERT run, so both use 64 fresh clients.
    await app.close();
    await database.close();
    closed = true;
    const after = await measured(bare);

    const bareRate = (before.result.count / before.result.seconds + after.result.count / after.result.seconds) / 2;
    console.log(
      `bare one-row INSERT transactions (${CLIENTS} clients, same database): ${fmt(before.result.count / before.result.seconds, 0)}/s before, ${fmt(after.result.count / after.result.seconds, 0)}/s after, mean ${fmt(bareRate, 0)}/s, p50 ${fmt(before.result.p50)} / ${fmt(after.result.p50)} ms (machine ${fmt(before.busy, 0)}% / ${fmt(after.busy, 0)}% busy)`,
    );
    console.log(
      `for scale, GET /me (a signed-in request doing nothing else) from the same ${CLIENTS} clients on one instance: ${fmt(me.count / me.seconds, 0)}/s, p50 ${fmt(me.p50)} ms, p99 ${fmt(me.p99)} ms`,
    );
    for (const { servers, run, cpu, busy } of runs) {
      const rate = run.count / run.seconds;
      console.log(
        `pledges over HTTP, all-or-nothing, one hot campaign, ${servers} server instance${servers > 1 ? 's' : ''}, ${CLIENTS} clients, ${fmt(run.seconds)} s: ` +
          `${run.count.toLocaleString('en')} pledges, ${fmt(rate, 0)} pledges/s, p50 ${fmt(run.p50)} ms, p99 ${fmt(run.p99)} ms, ` +
          `ratio to bare INSERT ${fmt(rate / bareRate, 2)}; answers ${JSON.stringify(run.statuses)}${run.firstError ? `, first error: ${run.firstError.slice(0, 200)}` : ''}`,
      );
      console.log(
        `  this process (servers and load generator): ${fmt((cpu.user + cpu.system) / 1000 / run.seconds / 10, 0)}% of a core, ${fmt((cpu.user + cpu.system) / run.count, 0)} µs CPU a pledge; machine ${fmt(busy, 0)}% busy`,
      );
    }
    console.log(
      `targets: ratio ≥ 0.5, p99 < 50 ms. ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => fmt(l))
        .join(' ')}`,
    );
    console.log(
      `exactness: ${stored.toLocaleString('en')} pledges stored (warm-ups included), the campaign shows ${view.backers.toLocaleString('en')} backers and ${(view.raised.amount / 100).toLocaleString('en')} EUR raised (${(stored * 25).toLocaleString('en')} expected)`,
    );
  } finally {
    if (!closed) await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
