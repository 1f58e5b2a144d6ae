// `npm run bench -- faults`: pledges from 32 clients against the server as `npm start` runs it (its own process, its
// logger, PostgreSQL), while PostgreSQL restarts, and while the server is killed with SIGKILL and started again.
// Each client sends every pledge with its own Idempotency-Key and, like any careful client, sends it again after a
// lost answer or a 5xx until it is acknowledged. Prints acknowledged vs stored, duplicates, answers by status and
// the longest wait, and exits non-zero when an acknowledged pledge is missing, a pledge is stored twice, or a
// stored pledge was never acknowledged.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const PHASE_SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const PEOPLE = 200_000;
const ROOT = path.resolve(import.meta.dirname, '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The server as `npm start` runs it (without the web build): its own process (node itself, so that SIGKILL reaches the server), its logger at info, to a log file. */
function startServer(databaseUrl: string, port: number, log: fs.WriteStream): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      FOULE_SEED: 'none',
      FOULE_SCHEDULER: 'off',
      FOULE_RATE_LIMIT: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  return child;
}

async function waitHealthy(port: number, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  throw new Error(`the server on port ${port} did not answer within ${timeoutMs} ms`);
}

/**
 * Restarts the local cluster (BENCH_PG_CLUSTER, default `main`, of the first installed version), without blocking:
 * the clients, in this process, keep sending while PostgreSQL is down.
 */
async function restartPostgres(): Promise<string | null> {
  try {
    const version = fs.readdirSync('/etc/postgresql')[0]!;
    const cluster = process.env.BENCH_PG_CLUSTER ?? 'main';
    await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'restart']);
    return `pg_ctlcluster ${version} ${cluster} restart`;
  } catch {
    return null;
  }
}

interface Outcome {
  key: string;
  backer: string;
  pledgeId: string | null;
  waitMs: number;
  attempts: number;
}

export async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `foule_bench_faults_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const logPath = path.join(os.tmpdir(), `${name}.log`);
  const log = fs.createWriteStream(logPath);
  const port = await freePort();
  let server = startServer(databaseUrl, port, log);
  const failures: string[] = [];
  try {
    await waitHealthy(port); // the server migrates the new database on start
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(
      `INSERT INTO users (id, email, password_hash, name) SELECT 'usr_f' || g, 'f' || g || '@bench.test', 'x', 'Person ' || g FROM generate_series(0, ${PEOPLE}) g`,
    );
    await db.query(`INSERT INTO sessions (id, token_hash, user_id, csrf_token, expires_at)
      SELECT 'ses_f' || g, encode(sha256(convert_to('faulttok' || g, 'UTF8')), 'hex'), 'usr_f' || g, 'csrf' || g, now() + interval '1 day' FROM generate_series(1, ${PEOPLE}) g`);
    await db.query(
      `INSERT INTO projects (id, slug, owner_id, title, summary, category) VALUES ('prj_fault', 'faults', 'usr_f0', 'Faults', 'Faults', 'technology')`,
    );
    await db.query(`INSERT INTO campaigns (id, project_id, host_owner, title, currency, goal, model, deadline, status, created_by, launched_at)
      VALUES ('cmp_fault', 'prj_fault', 'user:usr_f0', 'Campaign under faults', 'EUR', 100000000, 'all_or_nothing', now() + interval '30 days', 'live', 'usr_f0', now())`);
    await db.query(
      `INSERT INTO campaign_tiers (id, campaign_id, position, title, price) VALUES ('tier_fault', 'cmp_fault', 0, 'Reward', 2000)`,
    );
    await db.query('ANALYZE');
    await db.end();

    let next = 1;
    let accepting = true;
    const statuses: Record<string, number> = {};
    const outcomes: Outcome[] = [];
    const count = (k: string) => (statuses[k] = (statuses[k] ?? 0) + 1);
    const body = JSON.stringify({ amount: 2500, tierId: 'tier_fault', payment: { type: 'test_card', number: '4242424242424242' } });

    // One client: pledge after pledge, each as a new person with its own key, retried until acknowledged.
    const client = async () => {
      while (accepting) {
        const n = next++;
        if (n > PEOPLE) return;
        const key = `fault-${n}`;
        const started = performance.now();
        let attempts = 0;
        let pledgeId: string | null = null;
        while (pledgeId === null && performance.now() - started < 120_000) {
          attempts++;
          try {
            const res = await fetch(`http://127.0.0.1:${port}/api/v1/campaigns/cmp_fault/pledges`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                cookie: `foule_session=faulttok${n}`,
                'x-csrf-token': `csrf${n}`,
                'idempotency-key': key,
              },
              body,
              signal: AbortSignal.timeout(15_000),
            }).catch(() => null);
            if (!res) {
              count('no answer');
              await sleep(50);
              continue;
            }
            count(String(res.status));
            const json = (await res.json().catch(() => ({}))) as { id?: string };
            if (res.status >= 200 && res.status < 300 && json.id) pledgeId = json.id;
            else if (res.status < 500 && res.status !== 409)
              break; // a refusal is final (409: the key's first request still running)
            else await sleep(50);
          } catch {
            count('no answer');
            await sleep(50);
          }
        }
        outcomes.push({ key, backer: `usr_f${n}`, pledgeId, waitMs: performance.now() - started, attempts });
      }
    };

    const loadDone = Promise.all(Array.from({ length: CLIENTS }, client));
    const events: string[] = [];
    const t0 = performance.now();
    const at = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

    // Phase 1: PostgreSQL restarts under load.
    await sleep(PHASE_SECONDS * 333);
    const restarted = await restartPostgres();
    events.push(
      restarted
        ? `${at()}: PostgreSQL restarted (${restarted})`
        : `${at()}: PostgreSQL could not be restarted here (pg_ctlcluster), phase skipped`,
    );
    await sleep(PHASE_SECONDS * 667);

    // Phase 2: the server is killed with SIGKILL and started again.
    await sleep(PHASE_SECONDS * 333);
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    const killedAt = performance.now();
    events.push(`${at()}: server killed with SIGKILL`);
    server = startServer(databaseUrl, port, log);
    await waitHealthy(port);
    events.push(`${at()}: server answering again after ${((performance.now() - killedAt) / 1000).toFixed(1)} s`);
    await sleep(PHASE_SECONDS * 667);
    accepting = false;
    await loadDone;
    events.push(`${at()}: clients done`);

    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    const stored = (
      await check.query<{ id: string; backer_id: string; idempotency_key: string }>(
        `SELECT id, backer_id, idempotency_key FROM pledges WHERE campaign_id = 'cmp_fault'`,
      )
    ).rows;
    const dupBackers =
      (await check.query(`SELECT backer_id FROM pledges WHERE campaign_id = 'cmp_fault' GROUP BY backer_id HAVING count(*) > 1`))
        .rowCount ?? 0;
    const ledger = (
      await check
        .query<{ total: string | null; unbalanced: string }>(
          `SELECT (SELECT sum(amount) FROM ledger_entries)::text AS total,
              (SELECT count(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0) g)::text AS unbalanced`,
        )
        .catch(() => ({ rows: [{ total: null, unbalanced: 'n/a' }] }))
    ).rows[0]!;
    await check.end();

    const acknowledged = outcomes.filter((o) => o.pledgeId);
    const storedIds = new Set(stored.map((s) => s.id));
    const lost = acknowledged.filter((o) => !storedIds.has(o.pledgeId!));
    const ackIds = new Set(acknowledged.map((o) => o.pledgeId!));
    const unacknowledged = stored.filter((s) => !ackIds.has(s.id));
    const waits = acknowledged.map((o) => o.waitMs).sort((a, b) => a - b);
    const retried = acknowledged.filter((o) => o.attempts > 1).length;

    for (const e of events) console.log(`  ${e}`);
    console.log(`pledges under faults, ${CLIENTS} clients, server as npm start runs it (log: ${logPath}):`);
    console.log(
      `  acknowledged ${acknowledged.length.toLocaleString('en')}, stored ${stored.length.toLocaleString('en')}, acknowledged but not stored ${lost.length}, stored but never acknowledged ${unacknowledged.length}, backers with two pledges ${dupBackers}`,
    );
    console.log(
      `  pledges that needed a retry ${retried}, given up ${outcomes.length - acknowledged.length}; answers by status ${JSON.stringify(statuses)}`,
    );
    console.log(
      `  wait until acknowledged: p50 ${waits[Math.floor(waits.length / 2)]?.toFixed(0)} ms, p99 ${waits[Math.floor(waits.length * 0.99)]?.toFixed(0)} ms, longest ${waits.at(-1)?.toFixed(0)} ms`,
    );
    console.log(`  ledger: sum of all entries ${ledger.total ?? 0}, unbalanced transactions ${ledger.unbalanced}`);
    if (lost.length) failures.push(`${lost.length} acknowledged pledges are not stored`);
    if (dupBackers) failures.push(`${dupBackers} backers have two pledges`);
    if (unacknowledged.length) failures.push(`${unacknowledged.length} stored pledges were never acknowledged to their client`);
    if (outcomes.length - acknowledged.length) failures.push(`${outcomes.length - acknowledged.length} pledges were never acknowledged`);
    if (ledger.total !== null && BigInt(ledger.total) !== 0n) failures.push(`the ledger sums to ${ledger.total}`);
    if (acknowledged.length === 0) failures.push('no pledge was acknowledged at all');
  } finally {
    server.kill('SIGKILL');
    log.end();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  }
  if (failures.length) {
    console.error(`FAILED: ${failures.join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log('checked: every acknowledged pledge stored once, nothing stored unacknowledged, no backer twice, ledger balanced');
  }
}
