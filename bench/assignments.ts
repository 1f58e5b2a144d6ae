// `npm run bench -- assignments`: 200 concurrent workers lease and answer micro-tasks over HTTP for 20 s against a
// real server on PostgreSQL (BENCH_DATABASE_URL; a throw-away database is created and dropped). The server runs in
// this thread, the workers' HTTP clients in a worker thread (bench/_assignment-worker.mjs). Prints cycles/s (lease + submit), p50/p99, and checks
// at the end that no item collected more answers than it wanted and no worker answered an item twice.
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { benchConfig, cpuTimes, extraServer, postgresCpuMs } from './_support.js';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { systemClock, type AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { newId, randomToken, sha256 } from '../src/lib/ids.js';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 30_000);
const OVERLAP = Number(process.env.BENCH_OVERLAP ?? 5);
const POOL = Number(process.env.BENCH_POOL ?? 30);
/** Seconds of load before the measured run, followed by ANALYZE (see below). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
/** Runs with 1, then 2 identical server instances (the first in this thread, others in worker threads), as behind a load balancer. */
const SERVERS = (process.env.BENCH_SERVERS ?? '1,2').split(',').map(Number);

interface LoadResult {
  cycles: number;
  seconds: number;
  lat: number[];
  leaseLat: number[];
  submitLat: number[];
  statuses: Record<string, number>;
  firstError: string | null;
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** Runs the workers' loop (bench/_assignment-worker.mjs) in a worker thread for `seconds`. */
function runLoad(opts: {
  ports: number[];
  people: { token: string; csrf: string; k: number }[];
  batchId: string;
  seconds: number;
  labels: string[];
}) {
  const tokens = opts.people.slice(1).map((p) => ({ token: p.token, csrf: p.csrf, k: p.k }));
  return new Promise<LoadResult>((resolve, reject) => {
    const w = new Worker(new URL('./_assignment-worker.mjs', import.meta.url), {
      workerData: { host: '127.0.0.1', ports: opts.ports, tokens, batchId: opts.batchId, seconds: opts.seconds, labels: opts.labels },
    });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

export async function main() {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `foule_bench_tasks_${randomToken(4)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: POOL });
  try {
    await migrate(database);
    const config = benchConfig(url.toString(), process.env);
    const ctx: AppContext = { database, db: database.db, config, clock: systemClock };
    const app = await buildApp(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const server = `http://127.0.0.1:${port}`;

    // Accounts with web sessions, written directly (hashing 201 passwords would only measure argon2). Workers
    // call as the web app does: session cookie and CSRF header.
    const people = Array.from({ length: WORKERS + 1 }, (_, k) => ({ id: newId('usr'), token: randomToken(), csrf: randomToken(24), k }));
    const expires = new Date(Date.now() + 86400_000);
    for (const p of people) {
      await database.db.execute(
        sql`INSERT INTO users (id, email, password_hash, name) VALUES (${p.id}, ${`bench${p.k}.${p.id}@example.test`}, 'x', ${`Worker ${p.k}`})`,
      );
      await database.db.execute(
        sql`INSERT INTO sessions (id, token_hash, user_id, csrf_token, expires_at) VALUES (${newId('ses')}, ${sha256(p.token)}, ${p.id}, ${p.csrf}, ${expires})`,
      );
    }
    const host = people[0]!;
    const call = async (method: string, path: string, body: unknown, type = 'application/json') => {
      const res = await fetch(`${server}/api/v1${path}`, {
        method,
        headers: { cookie: `foule_session=${host.token}`, 'x-csrf-token': host.csrf, 'content-type': type },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const project = await call('POST', '/projects', { title: 'Assignment benchmark', summary: 'Leasing under load', category: 'science' });
    const labels = ['a', 'b', 'c', 'd', 'e'];
    for (const servers of SERVERS) {
      const batch = await call('POST', `/projects/${project.id}/task-batches`, {
        title: `Load ${servers}`,
        answer: { kind: 'label', labels },
        overlap: OVERLAP,
        goldRate: 0.1,
      });
      const csv = ['externalId,text,gold', ...Array.from({ length: ITEMS }, (_, k) => `i${k},Item ${k},${k % 50 === 0 ? 'a' : ''}`)].join(
        '\n',
      );
      const t0 = performance.now();
      const up = await call('POST', `/task-batches/${batch.id}/items`, csv, 'text/csv');
      console.log(
        `\nupload: ${ITEMS.toLocaleString('en')} items in ${((performance.now() - t0) / 1000).toFixed(1)} s (${JSON.stringify(up)})`,
      );
      await call('POST', `/task-batches/${batch.id}/publish`, {});
      const extra = await Promise.all(Array.from({ length: servers - 1 }, () => extraServer(url.toString(), POOL)));
      const ports = [port, ...extra.map((e) => e.port)];
      console.log(
        `${WORKERS} workers, ${SECONDS} s, overlap ${OVERLAP}, ${servers} server instance(s), pool ${POOL} each, on ${database.kind}…`,
      );
      // Steady state, as on a platform that has been running: a short warm-up gives the assignment tables rows,
      // and ANALYZE gives the planner the statistics autovacuum would have gathered by then. Without it, the
      // plans prepared in the first seconds are those for empty tables (sequential scans) and stay until
      // autovacuum's first ANALYZE of the tables, about a minute in.
      if (WARMUP > 0) {
        const warm = await runLoad({ ports, people, batchId: batch.id as string, seconds: WARMUP, labels });
        await database.db.execute(sql`ANALYZE task_items, task_assignments, task_workers`);
        console.log(`warm-up: ${warm.cycles.toLocaleString('en')} cycles in ${warm.seconds.toFixed(1)} s (not counted), then ANALYZE`);
      }
      const c0 = cpuTimes();
      const p0 = process.cpuUsage();
      const pg0 = postgresCpuMs();
      const result = await runLoad({ ports, people, batchId: batch.id as string, seconds: SECONDS, labels });
      const c1 = cpuTimes();
      const p1 = process.cpuUsage(p0);
      const pgMs = postgresCpuMs() - pg0;
      await Promise.all(extra.map((e) => e.stop()));
      const rows = async <T>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;
      const [over] = await rows<{ n: string }>(sql`
        SELECT count(*) AS n FROM task_items i
        WHERE i.batch_id = ${batch.id as string}
          AND (SELECT count(*) FROM task_assignments a WHERE a.item_id = i.id AND a.status = 'submitted') > i.wanted`);
      const [repeats] = await rows<{ n: string }>(sql`
        SELECT count(*) AS n FROM (SELECT item_id, worker_ref FROM task_assignments WHERE batch_id = ${batch.id as string} GROUP BY 1, 2 HAVING count(*) > 1) x`);
      const [answers] = await rows<{ n: string }>(
        sql`SELECT count(*) AS n FROM task_assignments WHERE batch_id = ${batch.id as string} AND status = 'submitted'`,
      );
      console.log(
        `cycles: ${result.cycles.toLocaleString('en')} in ${result.seconds.toFixed(1)} s = ${Math.round(result.cycles / result.seconds).toLocaleString('en')} cycles/s (target 2,000); machine CPU busy ${((100 * (c1.busy - c0.busy)) / (c1.total - c0.total)).toFixed(0)}% of ${os.cpus().length} cores`,
      );
      console.log(
        `cycle latency p50 ${pct(result.lat, 50).toFixed(1)} ms, p99 ${pct(result.lat, 99).toFixed(1)} ms; lease p99 ${pct(result.leaseLat, 99).toFixed(1)} ms; submit p99 ${pct(result.submitLat, 99).toFixed(1)} ms`,
      );
      console.log(
        `CPU a cycle: this process (servers and load generator) ${((p1.user + p1.system) / result.cycles).toFixed(0)} µs (${(p1.system / result.cycles).toFixed(0)} µs in the kernel), PostgreSQL ${((1000 * pgMs) / result.cycles).toFixed(0)} µs`,
      );
      console.log(`HTTP statuses: ${JSON.stringify(result.statuses)}${result.firstError ? `; first error: ${result.firstError}` : ''}`);
      console.log(
        `answers stored: ${Number(answers!.n).toLocaleString('en')}; items over-collected: ${over!.n}; repeated worker-item pairs: ${repeats!.n}`,
      );
    }
    await app.close();
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}
