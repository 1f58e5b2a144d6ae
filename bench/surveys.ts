// `npm run bench -- surveys`: results of a survey with 100,000 responses and 10 questions, on PostgreSQL.
// Seeds answers in bulk with INSERT … SELECT generate_series, then times GET /surveys/{id}/results over HTTP
// against a real server (every segment), a response write, and the CSV export.
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { systemClock, type AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { loadQuestions } from '../src/modules/surveys/access.js';
import { rebuildTallies } from '../src/modules/surveys/tallies.js';
import { benchConfig } from './_support.js';

const RESPONSES = Number(process.env.BENCH_SURVEY_RESPONSES ?? 100_000);
const ACCOUNTS = 5_000; // respondents with an account (the rest answered anonymously)
const BACKERS = 1_000;
const FOLLOWERS = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

const QUESTIONS = [
  { kind: 'single', prompt: 'Would you back this kettle?', options: ['Yes, surely', 'Probably', 'Probably not', 'No'], required: true },
  { kind: 'multiple', prompt: 'Which colours would you buy?', options: ['Red', 'Green', 'Blue', 'Black', 'White'] },
  { kind: 'scale', prompt: 'How useful is it?', scale: 5 },
  { kind: 'scale', prompt: 'How good does it look?', scale: 7 },
  { kind: 'nps', prompt: 'Would you recommend it?' },
  { kind: 'number', prompt: 'How many cups of tea a day?', min: 0, max: 50 },
  { kind: 'text', prompt: 'Anything else?' },
  { kind: 'ranking', prompt: 'Rank what matters', options: ['Speed', 'Price', 'Looks', 'Durability'] },
  { kind: 'price', prompt: 'What price?', currency: 'EUR' },
  { kind: 'single', prompt: 'Your region', options: ['North', 'South', 'East', 'West', 'Abroad'] },
];

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95), min: s[0]!, max: s[s.length - 1]! };
};
const fmt = (x: number) => x.toFixed(1);

export async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `foule_bench_surveys_${Date.now()}`;
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

    // A host, a project and the survey, through the API.
    let cookie = '';
    let csrf = '';
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res;
    };
    const signup = await call('POST', '/auth/signup', { email: 'host@bench.test', password: 'bench password', name: 'Host' });
    cookie = signup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    csrf = ((await signup.json()) as { csrfToken: string }).csrfToken;
    const project = (await (
      await call('POST', '/projects', { title: 'Solar kettle', summary: 'Bench', category: 'technology' })
    ).json()) as { id: string };
    const survey = (await (
      await call('POST', `/projects/${project.id}/surveys`, { title: 'Bench survey', questions: QUESTIONS })
    ).json()) as { id: string };
    await call('POST', `/surveys/${survey.id}/open`);
    const questions = await loadQuestions(ctx.db, survey.id);
    const seq = (i: number) => questions[i]!.seq;

    // Bulk seed: accounts, backers, followers, responses, answers (about 1.6 million rows), then tallies.
    const t0 = performance.now();
    const x = (s: string) => ctx.db.execute(sql.raw(s));
    await x(
      `INSERT INTO users (id, email, password_hash, name) SELECT 'usr_bench_' || g, 'p' || g || '@bench.test', 'x', 'Person ' || g FROM generate_series(1, ${ACCOUNTS}) g`,
    );
    await x(`INSERT INTO campaigns (id, project_id, host_owner, title, currency, goal, model, deadline, status, created_by)
             SELECT 'cmp_bench', '${project.id}', 'user:' || owner_id, 'Campaign', 'EUR', 5000000, 'keep_it_all', now() + interval '30 days', 'live', owner_id FROM projects WHERE id = '${project.id}'`);
    await x(`INSERT INTO pledges (id, campaign_id, backer_id, amount, currency, status, single, provider, method_token, method_label)
             SELECT 'plg_bench_' || g, 'cmp_bench', 'usr_bench_' || g, 4900, 'EUR', 'collected', true, 'test', 'tok', 'test card' FROM generate_series(1, ${BACKERS}) g`);
    await x(
      `INSERT INTO project_follows (project_id, user_id) SELECT '${project.id}', 'usr_bench_' || g FROM generate_series(${BACKERS / 2 + 1}, ${BACKERS / 2 + FOLLOWERS}) g`,
    );
    await x(`INSERT INTO survey_responses (id, survey_id, user_id, respondent_hash)
             SELECT 'srs_bench_' || g, '${survey.id}', CASE WHEN g <= ${ACCOUNTS} THEN 'usr_bench_' || g END, CASE WHEN g > ${ACCOUNTS} THEN md5(g::text) END
             FROM generate_series(1, ${RESPONSES}) g`);
    const from = `FROM survey_responses r WHERE r.survey_id = '${survey.id}'`;
    await x(
      `INSERT INTO survey_answers (question_seq, response_seq, item) SELECT ${seq(0)}, r.seq, floor(random() ^ 1.5 * 4)::int ${from}`,
    );
    await x(`INSERT INTO survey_answers (question_seq, response_seq, num) SELECT ${seq(1)}, r.seq, 1 + floor(random() * 31)::int ${from}`);
    await x(`INSERT INTO survey_answers (question_seq, response_seq, num) SELECT ${seq(2)}, r.seq, 1 + floor(random() * 5)::int ${from}`);
    await x(
      `INSERT INTO survey_answers (question_seq, response_seq, num) SELECT ${seq(3)}, r.seq, 1 + floor(sqrt(random()) * 7)::int ${from}`,
    );
    await x(
      `INSERT INTO survey_answers (question_seq, response_seq, num) SELECT ${seq(4)}, r.seq, floor(sqrt(random()) * 11)::int ${from}`,
    );
    await x(
      `INSERT INTO survey_answers (question_seq, response_seq, num) SELECT ${seq(5)}, r.seq, round((random() * random() * 12)::numeric, 1) ${from}`,
    );
    await x(
      `INSERT INTO survey_answers (question_seq, response_seq, text_value) SELECT ${seq(6)}, r.seq, 'Comment number ' || r.seq ${from} AND r.seq % 4 = 0`,
    );
    await x(`INSERT INTO survey_answers (question_seq, response_seq, item, num)
             SELECT ${seq(7)}, r.seq, k, (k + r.seq) % 4 FROM survey_responses r CROSS JOIN generate_series(0, 3) k WHERE r.survey_id = '${survey.id}'`);
    await x(`INSERT INTO survey_answers (question_seq, response_seq, item, num)
             SELECT ${seq(8)}, r.seq, k, 1000 + k * 1500 + (r.seq * 7919 % 6) * 500 FROM survey_responses r CROSS JOIN generate_series(0, 3) k
             WHERE r.survey_id = '${survey.id}'`);
    await x(`INSERT INTO survey_answers (question_seq, response_seq, item) SELECT ${seq(9)}, r.seq, floor(random() * 5)::int ${from}`);
    await ctx.db.transaction((tx) => rebuildTallies(tx, survey.id));
    await database.exec('VACUUM ANALYZE survey_answers');
    await database.exec('VACUUM ANALYZE survey_responses');
    await database.exec('VACUUM ANALYZE survey_tallies');
    const rowCount = Number(
      ((await x('SELECT count(*)::int AS n FROM survey_answers')) as unknown as { rows: { n: number }[] }).rows[0]!.n,
    );
    console.log(
      `seeded ${RESPONSES.toLocaleString('en')} responses × ${QUESTIONS.length} questions (${rowCount.toLocaleString('en')} answer rows; ${ACCOUNTS} accounts, ${BACKERS} backers, ${FOLLOWERS} followers) in ${fmt((performance.now() - t0) / 1000)} s`,
    );

    const timeRequest = async (path: string, consume: (res: Response) => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const start = performance.now();
        const res = await call('GET', path);
        await consume(res);
        if (i >= 3) ms.push(performance.now() - start);
      }
      return stats(ms);
    };

    let sample: { responses: number } | null = null;
    for (const segment of ['everyone', 'backers', 'followers', 'others']) {
      const s = await timeRequest(
        `/surveys/${survey.id}/results?segment=${segment}`,
        async (res) => (sample = (await res.json()) as { responses: number }),
      );
      console.log(
        `GET results?segment=${segment.padEnd(9)} (${sample!.responses.toLocaleString('en').padStart(7)} responses): median ${fmt(s.median)} ms, p95 ${fmt(s.p95)} ms (${RUNS} runs)`,
      );
    }

    // The same counts straight from every answer (no tallies), for comparison.
    const seqList = questions
      .filter((q) => q.kind !== 'number')
      .map((q) => q.seq)
      .join(',');
    const raw: number[] = [];
    for (let i = 0; i < 8; i++) {
      const start = performance.now();
      await x(`SELECT question_seq, item, num, count(*) FROM survey_answers WHERE question_seq IN (${seqList}) GROUP BY 1, 2, 3`);
      if (i >= 2) raw.push(performance.now() - start);
    }
    console.log(`for comparison, one GROUP BY over every answer row (what the tallies avoid): median ${fmt(stats(raw).median)} ms`);

    // A response write (account 1 edits its response: delete, insert, tally deltas).
    const person = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'host@bench.test', password: 'bench password' }),
    });
    void person;
    const answers = [
      { questionId: questions[0]!.id, value: 'Probably' },
      { questionId: questions[4]!.id, value: 9 },
      { questionId: questions[7]!.id, value: ['Price', 'Speed', 'Looks', 'Durability'] },
      { questionId: questions[8]!.id, value: { tooCheap: 1000, cheap: 2500, expensive: 5000, tooExpensive: 7000 } },
    ];
    const writes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await call('POST', `/surveys/${survey.id}/responses`, { answers });
      writes.push(performance.now() - start);
    }
    const w = stats(writes);
    console.log(`POST responses (create, then edits): median ${fmt(w.median)} ms, p95 ${fmt(w.p95)} ms`);

    // Worst case for the tallies: a number question whose 100,000 answers are all different.
    await x(`UPDATE survey_answers SET num = response_seq + random() WHERE question_seq = ${seq(5)}`);
    await ctx.db.transaction((tx) => rebuildTallies(tx, survey.id));
    await database.exec('VACUUM ANALYZE survey_tallies');
    const distinct = await timeRequest(`/surveys/${survey.id}/results?segment=everyone`, (res) => res.json());
    console.log(
      `GET results?segment=everyone with a number question of ${RESPONSES.toLocaleString('en')} distinct values: median ${fmt(distinct.median)} ms, p95 ${fmt(distinct.p95)} ms`,
    );

    const c0 = performance.now();
    const csv = await (await call('GET', `/surveys/${survey.id}/results.csv`)).text();
    console.log(
      `GET results.csv: ${(csv.length / 1e6).toFixed(1)} MB, ${csv.split('\r\n').length - 2} lines in ${fmt((performance.now() - c0) / 1000)} s`,
    );
    await app.close();
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
