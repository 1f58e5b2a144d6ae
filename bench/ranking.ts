// `npm run bench -- ranking`: how well pairwise voting recovers a known order (Kendall tau of the Bradley–Terry
// ranking against the truth, adaptive pairs against random pairs), how long a fit takes, and the latency of
// GET /challenges/{id}/pair and ?sort=ranked over HTTP on PostgreSQL.
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { systemClock, type AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { fitBradleyTerry, normal, seededRandom, simulateRanking, type PairRecord } from '../src/lib/ranking/index.js';
import { benchConfig } from './_support.js';

const SEEDS = Number(process.env.BENCH_RANKING_SEEDS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const fmt = (x: number, d = 1) => x.toFixed(d);
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
    min: s[0]!,
    median: s[Math.floor(s.length / 2)]!,
    max: s[s.length - 1]!,
    p95: s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]!,
  };
};

function simulationFigures() {
  console.log(`Simulation: 30 ideas, true log-strengths N(0, 1), 3,000 comparisons drawn from the Bradley–Terry model, seeds 1–${SEEDS}`);
  for (const picker of ['adaptive', 'random'] as const) {
    const taus: number[] = [];
    const coverage: number[] = [];
    const spread: number[] = [];
    const t0 = performance.now();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = simulateRanking({ picker, seed });
      taus.push(r.tau);
      coverage.push(r.intervalCoverage);
      spread.push(Math.min(...r.comparisonsPerIdea));
    }
    const s = summary(taus);
    console.log(
      `  ${picker.padEnd(8)} pairs: Kendall tau mean ${fmt(s.mean, 3)} (min ${fmt(s.min, 3)}, median ${fmt(s.median, 3)}, max ${fmt(s.max, 3)}); ` +
        `seed 1: ${fmt(taus[0]!, 3)}; 95% intervals cover the true score for ${fmt(100 * summary(coverage).mean)}% of ideas; ` +
        `fewest comparisons of an idea ${summary(spread).min} (of 200 on average); ${fmt((performance.now() - t0) / SEEDS, 0)} ms a run`,
    );
  }
}

function fitFigures() {
  console.log(
    'Fit time (median of 5; comparisons between random pairs; Newton with conjugate-gradient steps; exact intervals up to 400 ideas, diagonal above):',
  );
  for (const [n, m] of [
    [30, 3_000],
    [100, 10_000],
    [300, 30_000],
    [1_000, 100_000],
    [3_000, 300_000],
  ] as const) {
    const rng = seededRandom(n);
    const truth = Array.from({ length: n }, () => normal(rng));
    const records: PairRecord[] = [];
    for (let c = 0; c < m; c++) {
      const i = Math.floor(rng() * n);
      let j = Math.floor(rng() * (n - 1));
      if (j >= i) j++;
      const win = rng() < 1 / (1 + Math.exp(truth[j]! - truth[i]!));
      records.push({ i, j, winsI: win ? 1 : 0, winsJ: win ? 0 : 1 });
    }
    const median = (fn: () => unknown) => {
      const ms: number[] = [];
      for (let k = 0; k < (n >= 1000 ? 3 : 5); k++) {
        const t0 = performance.now();
        fn();
        ms.push(performance.now() - t0);
      }
      return summary(ms).median;
    };
    const cold = fitBradleyTerry(n, records, { intervals: false });
    const coldMs = median(() => fitBradleyTerry(n, records, { intervals: false }));
    const more = [...records, { i: 0, j: 1, winsI: 1, winsJ: 0 }];
    let warmSteps = 0;
    const warmMs = median(() => (warmSteps = fitBradleyTerry(n, more, { intervals: false, initial: cold.logStrength }).iterations));
    const page = Array.from({ length: 20 }, (_, k) => k);
    const pageMs = median(() => fitBradleyTerry(n, records, { initial: cold.logStrength, maxIterations: 0, intervals: page }));
    const allMs = n <= 1000 ? median(() => fitBradleyTerry(n, records, { initial: cold.logStrength, maxIterations: 0 })) : NaN;
    console.log(
      `  ${String(n).padStart(5)} ideas, ${m.toLocaleString('en')} comparisons: fit ${fmt(coldMs)} ms (${cold.iterations} steps); ` +
        `refit after one more comparison ${fmt(warmMs)} ms (${warmSteps} steps); intervals of a page of 20 ${fmt(pageMs)} ms` +
        (Number.isNaN(allMs) ? '' : `, of all ${fmt(allMs)} ms`),
    );
  }
}

async function apiFigures() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `foule_bench_ranking_${Date.now()}`;
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
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
    type Who = { cookie: string; csrf: string };
    const call = async (who: Who, method: string, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const signup = async (email: string): Promise<Who> => {
      const res = await fetch(`${base}/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'bench password', name: email.split('@')[0] }),
      });
      return {
        cookie: res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
        csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
      };
    };
    const host = await signup('host@bench.test');
    const voter = await signup('voter@bench.test');
    const project = (await call(host, 'POST', '/projects', { title: 'Pairwise bench', summary: 'Bench', category: 'civic' })) as {
      id: string;
    };
    const x = (s: string) => ctx.db.execute(sql.raw(s));
    await x(
      `INSERT INTO users (id, email, password_hash, name) SELECT 'usr_rb' || g, 'r' || g || '@bench.test', 'x', 'Voter ' || g FROM generate_series(1, 500) g`,
    );
    const now = Date.now();
    const phases = {
      submission: new Date(now - 2 * 3600_000).toISOString(),
      voting: new Date(now - 3600_000).toISOString(),
      review: new Date(now + 86400_000).toISOString(),
      closed: new Date(now + 2 * 86400_000).toISOString(),
    };

    for (const [ideasCount, comparisons] of [
      [30, 3_000],
      [100, 10_000],
      [300, 30_000],
    ] as const) {
      const challenge = (await call(host, 'POST', `/projects/${project.id}/challenges`, {
        title: `Bench ${ideasCount} ideas`,
        phases,
        status: 'published',
        rules: { submissionsDuringVoting: true },
      })) as { id: string };
      await x(`INSERT INTO ideas (id, challenge_id, project_id, author_id, title, body)
        SELECT '${challenge.id}_i' || g, '${challenge.id}', '${project.id}', 'usr_rb' || (1 + g % 500), 'Idea ' || g, 'Body of idea ' || g FROM generate_series(1, ${ideasCount}) g`);
      // Outcomes follow the model with strength decreasing with the idea's number.
      await x(`INSERT INTO idea_comparisons (id, challenge_id, voter_id, winner_id, loser_id, tie)
        SELECT 'cmp_${challenge.id}_' || g, '${challenge.id}', 'usr_rb' || (1 + g % 500),
          CASE WHEN r < 1 / (1 + exp((a - b) * 3.0 / ${ideasCount})) THEN '${challenge.id}_i' || a ELSE '${challenge.id}_i' || b END,
          CASE WHEN r < 1 / (1 + exp((a - b) * 3.0 / ${ideasCount})) THEN '${challenge.id}_i' || b ELSE '${challenge.id}_i' || a END,
          false
        FROM (SELECT g, 1 + floor(random() * ${ideasCount})::int AS a, 1 + floor(random() * ${ideasCount})::int AS b, random() AS r FROM generate_series(1, ${comparisons * 2}) g) s
        WHERE a <> b LIMIT ${comparisons}`);
      await database.exec('VACUUM ANALYZE idea_comparisons');
      const time = async (fn: () => Promise<unknown>) => {
        const ms: number[] = [];
        for (let i = 0; i < RUNS + 3; i++) {
          const t0 = performance.now();
          await fn();
          if (i >= 3) ms.push(performance.now() - t0);
        }
        return summary(ms);
      };
      const pair = await time(() => call(voter, 'GET', `/challenges/${challenge.id}/pair`));
      const ranked = await time(() => call(voter, 'GET', `/challenges/${challenge.id}/ideas?sort=ranked&limit=20`));
      const vote = await time(async () => {
        const p = (await call(voter, 'GET', `/challenges/${challenge.id}/pair`)) as { left: { id: string }; right: { id: string } };
        await call(voter, 'POST', `/challenges/${challenge.id}/comparisons`, { winnerId: p.left.id, loserId: p.right.id });
      });
      console.log(
        `  ${String(ideasCount).padStart(3)} ideas, ${comparisons.toLocaleString('en')} comparisons: GET /pair median ${fmt(pair.median)} ms (p95 ${fmt(pair.p95)}); ` +
          `GET ?sort=ranked median ${fmt(ranked.median)} ms (p95 ${fmt(ranked.p95)}); GET /pair + POST /comparisons median ${fmt(vote.median)} ms`,
      );
    }
    await app.close();
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export async function main() {
  const os = await import('node:os');
  console.log(
    `(load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs: timings are wall-clock)`,
  );
  simulationFigures();
  fitFigures();
  console.log(
    'HTTP on PostgreSQL (one request at a time; each request reads the comparisons, the fit is reused while they are unchanged):',
  );
  await apiFigures();
}
