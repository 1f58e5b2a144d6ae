// Crash test: the real server runs as a child process on its embedded database (or on PostgreSQL when
// TEST_DATABASE_URL is set); clients pledge in a loop; the server is killed with SIGKILL mid-stream and
// started again on the same data. Every acknowledged pledge must be there, none twice (requests cut off
// are retried with their Idempotency-Key), and the ledger must balance. Then a settlement is killed the
// same way and finished after the restart: every pledge charged exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CARD = { type: 'test_card', number: '4242424242424242' };
const OPERATOR = { email: 'crash.operator@example.test', password: 'operator password' };
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  // node itself (with tsx as a loader), not the tsx launcher: SIGKILL must hit the server process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      FOULE_SEED: 'none',
      FOULE_SCHEDULER: 'off',
      FOULE_RATE_LIMIT: 'off',
      LOG_LEVEL: 'warn',
      FOULE_ADMIN_EMAIL: OPERATOR.email,
      FOULE_ADMIN_PASSWORD: OPERATOR.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Foule is running')) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`server exited: ${output}`));
    });
  });
  return { child, base: `http://127.0.0.1:${port}/api/v1`, exited };
}

async function kill(server: Server) {
  server.child.kill('SIGKILL');
  await server.exited;
}

async function call(base: string, token: string | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** Signs up a person and gives back an API token. */
async function person(base: string, name: string): Promise<{ id: string; token: string }> {
  const email = `${name}.${randomUUID().slice(0, 8)}@example.test`;
  const signup = await fetch(`${base}/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery', name }),
  });
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { user, csrfToken } = (await signup.json()) as { user: { id: string }; csrfToken: string };
  const token = await fetch(`${base}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'crash' }),
  });
  return { id: user.id, token: ((await token.json()) as { token: string }).token };
}

async function operatorToken(base: string): Promise<string> {
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OPERATOR),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const token = await fetch(`${base}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'op' }),
  });
  return ((await token.json()) as { token: string }).token;
}

interface Attempt {
  key: string;
  backer: number;
  body: { amount: number; payment: typeof CARD };
  outcome: 'acknowledged' | 'refused' | 'cut';
  pledgeId?: string;
}

/** The database the server uses, for the after-the-fact checks (opened only while no server runs). */
interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function target(): Promise<Target> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `foule_crash_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 2 }),
      cleanup: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foule-crash-'));
  return {
    env: { DATABASE_URL: '', FOULE_DATA_DIR: dir },
    open: () => openDatabase({ dataDir: dir }),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function rows<T>(db: Database, query: string): Promise<T[]> {
  const { sql } = await import('drizzle-orm');
  return ((await db.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('crash', () => {
  it('keeps every acknowledged pledge, none twice, and a balanced ledger across SIGKILLs of the server, pledging and settling', async () => {
    const where = await target();
    try {
      let server = await startServer(where.env);
      const host = await person(server.base, 'host');
      const backers = await Promise.all(Array.from({ length: 6 }, (_, i) => person(server.base, `backer${i}`)));
      const project = await call(server.base, host.token, 'POST', '/projects', {
        title: 'Crash test project',
        summary: 'survives',
        category: 'technology',
      });
      const deadline = new Date(Date.now() + 10 * 86400_000).toISOString();
      const donation = await call(server.base, host.token, 'POST', `/projects/${project.json.id}/campaigns`, {
        goal: { amount: 100_000, currency: 'EUR' },
        model: 'donation',
        deadline,
      });
      expect((await call(server.base, host.token, 'POST', `/campaigns/${donation.json.id}/launch`)).status).toBe(200);

      // 1. Pledge in a loop from 6 clients; SIGKILL the server after a while.
      const attempts: Attempt[] = [];
      let stop = false;
      const loops = backers.map(async (b, backer) => {
        while (!stop) {
          const attempt: Attempt = {
            key: randomUUID(),
            backer,
            body: { amount: 100 + Math.floor(Math.random() * 5000), payment: CARD },
            outcome: 'cut',
          };
          attempts.push(attempt);
          try {
            const res = await call(server.base, b.token, 'POST', `/campaigns/${donation.json.id}/pledges`, attempt.body, {
              'idempotency-key': attempt.key,
            });
            if (res.status === 201) Object.assign(attempt, { outcome: 'acknowledged', pledgeId: res.json.id });
            else attempt.outcome = 'refused';
          } catch {
            return; // the server is gone: this request was cut off
          }
        }
      });
      // Kill at a random moment once a few pledges went through (however loaded the machine is).
      while (attempts.filter((a) => a.outcome === 'acknowledged').length < 20) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      await kill(server);
      stop = true;
      await Promise.all(loops);
      const acknowledged = attempts.filter((a) => a.outcome === 'acknowledged');
      const cut = attempts.filter((a) => a.outcome === 'cut');
      expect(acknowledged.length).toBeGreaterThanOrEqual(20);
      expect(attempts.filter((a) => a.outcome === 'refused')).toEqual([]);

      // 2. Restart on the same data; retry every request that was cut off, with its key.
      server = await startServer(where.env);
      for (const a of cut) {
        const res = await call(server.base, backers[a.backer]!.token, 'POST', `/campaigns/${donation.json.id}/pledges`, a.body, {
          'idempotency-key': a.key,
        });
        expect(res.status, JSON.stringify(res.json)).toBe(201);
        Object.assign(a, { outcome: 'acknowledged', pledgeId: res.json.id });
      }
      // Repeating an acknowledged request answers the same pledge.
      for (const a of acknowledged.slice(0, 5)) {
        const res = await call(server.base, backers[a.backer]!.token, 'POST', `/campaigns/${donation.json.id}/pledges`, a.body, {
          'idempotency-key': a.key,
        });
        expect(res.json.id).toBe(a.pledgeId);
      }
      const expectedIds = new Set(attempts.map((a) => a.pledgeId!));
      expect(expectedIds.size).toBe(attempts.length);
      const campaign = await call(server.base, null, 'GET', `/campaigns/${donation.json.id}`);
      expect(campaign.json.pledges).toBe(attempts.length);
      expect(campaign.json.raised.amount).toBe(attempts.reduce((s, a) => s + a.body.amount, 0));
      const ledger = await call(server.base, null, 'GET', `/campaigns/${donation.json.id}/ledger?limit=1`);
      expect(ledger.json.balanced).toBe(true);
      expect(ledger.json.totals.received).toBe(campaign.json.raised.amount);

      // 3. An all-or-nothing campaign with 1,500 pending pledges (written directly while the server is
      // stopped); its settlement is killed mid-way, then finished after a restart.
      const project2 = await call(server.base, host.token, 'POST', '/projects', {
        title: 'Crash settle project',
        summary: 'settles',
        category: 'technology',
      });
      const aon = await call(server.base, host.token, 'POST', `/projects/${project2.json.id}/campaigns`, {
        goal: { amount: 1000, currency: 'EUR' },
        model: 'all_or_nothing',
        deadline,
      });
      await call(server.base, host.token, 'POST', `/campaigns/${aon.json.id}/launch`);
      server.child.kill('SIGTERM');
      await server.exited;
      const SEEDED = 1500;
      const seed = await where.open();
      try {
        await rows(
          seed,
          `INSERT INTO users (id, email, password_hash, name) SELECT 'usr_crash_' || g, 'crash' || g || '@example.test', 'x', 'Crash ' || g FROM generate_series(1, ${SEEDED}) g`,
        );
        await rows(
          seed,
          `INSERT INTO pledges (id, campaign_id, backer_id, amount, currency, status, single, provider, method_token, method_label)
          SELECT 'plg_crash_' || lpad(g::text, 6, '0'), '${aon.json.id}', 'usr_crash_' || g, 500, 'EUR', 'pending', true, 'test', 'pm_test_4242_crash' || g, 'Visa •••• 4242'
          FROM generate_series(1, ${SEEDED}) g`,
        );
      } finally {
        await seed.close();
      }
      server = await startServer(where.env);
      const op = await operatorToken(server.base);
      void call(server.base, op, 'POST', `/campaigns/${aon.json.id}/settle`, { endNow: true }).catch(() => {});
      // Kill it once it has collected some pledges and not yet all.
      let seen: Record<string, { pledges: number }> = {};
      for (let i = 0; i < 3000; i++) {
        seen = (await call(server.base, host.token, 'GET', `/campaigns/${aon.json.id}/stats`)).json.byStatus;
        if ((seen.collected?.pledges ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await kill(server);
      server = await startServer(where.env);
      const op2 = await operatorToken(server.base);
      let report: { settled: boolean; status: string; pledges: Record<string, number> } = { settled: false, status: '', pledges: {} };
      let tries = 0;
      const afterRestart = (await call(server.base, host.token, 'GET', `/campaigns/${aon.json.id}/stats`)).json.byStatus;
      // Pledges claimed by the killed process are taken over once their lease (30 s) lapses.
      while (!report.settled && tries++ < 60) {
        report = (await call(server.base, op2, 'POST', `/campaigns/${aon.json.id}/settle`, { endNow: true })).json;
        if (!report.settled) await new Promise((r) => setTimeout(r, 2000));
      }
      const counts = (by: Record<string, { pledges: number }>) =>
        JSON.stringify(Object.fromEntries(Object.entries(by).map(([k, v]) => [k, v.pledges])));
      console.log(
        `crash: ${acknowledged.length} pledges acknowledged and ${cut.length} cut off (retried) before the kill; ` +
          `settlement killed with pledges ${counts(afterRestart)}, finished after ${tries} calls`,
      );
      expect(report).toMatchObject({ settled: true, status: 'succeeded', pledges: { collected: SEEDED } });
      server.child.kill('SIGTERM');
      await server.exited;

      // 4. The books, read directly: one pledge per key, each collected pledge charged and posted once, zero sums.
      const db = await where.open();
      try {
        const dupKeys = await rows(
          db,
          `SELECT backer_id, idempotency_key FROM pledges WHERE idempotency_key IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`,
        );
        expect(dupKeys).toEqual([]);
        const inDb = await rows<{ id: string; status: string }>(
          db,
          `SELECT id, status FROM pledges WHERE campaign_id = '${donation.json.id}'`,
        );
        expect(new Set(inDb.map((p) => p.id))).toEqual(expectedIds);
        expect(inDb.every((p) => p.status === 'collected')).toBe(true);
        const charges = await rows<{ n: number }>(
          db,
          `SELECT count(*)::int AS n FROM payment_charges GROUP BY split_part(idempotency_key, ':', 2) HAVING count(*) > 1`,
        );
        expect(charges).toEqual([]);
        const posted = await rows<{ memo: string }>(
          db,
          `SELECT memo FROM ledger_transactions WHERE kind = 'pledge_collected' GROUP BY memo HAVING count(*) > 1`,
        );
        expect(posted).toEqual([]);
        const collected = await rows<{ n: number }>(db, `SELECT count(*)::int AS n FROM pledges WHERE status = 'collected'`);
        const collections = await rows<{ n: number }>(
          db,
          `SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'pledge_collected'`,
        );
        expect(Number(collections[0]!.n)).toBe(Number(collected[0]!.n));
        const sums = await rows<{ total: string }>(db, `SELECT sum(amount) AS total FROM ledger_entries GROUP BY currency`);
        expect(sums.every((s) => Number(s.total) === 0)).toBe(true);
      } finally {
        await db.close();
      }
    } finally {
      await where.cleanup();
    }
  }, 240_000);
});
