// `npm run bench -- settlement`: settles an all-or-nothing campaign of 100,000 pending pledges on PostgreSQL
// (each charged through the test provider, with its ledger transaction and fees), timed, then checked:
// every pledge charged exactly once, the books sum to zero, the host balance is what the fees leave.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { systemClock, type AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { settleCampaign } from '../src/modules/funding/settle-campaign.js';
import { feesOn } from '../src/modules/funding/money.js';
import { benchConfig } from './_support.js';

const PLEDGES = Number(process.env.BENCH_SETTLE_PLEDGES ?? 100_000);
const fmt = (x: number, d = 1) => x.toFixed(d);

export async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `foule_bench_settle_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 24 });
  try {
    await migrate(database);
    const config = benchConfig(url.toString());
    const ctx: AppContext = { database, db: database.db, config, clock: systemClock };
    const x = async <T>(s: string) => ((await ctx.db.execute(sql.raw(s))) as unknown as { rows: T[] }).rows;
    const t0 = performance.now();
    await x(
      `INSERT INTO users (id, email, password_hash, name) SELECT 'usr_s' || g, 's' || g || '@bench.test', 'x', 'Backer ' || g FROM generate_series(0, ${PLEDGES}) g`,
    );
    await x(
      `INSERT INTO projects (id, slug, owner_id, title, summary, category) VALUES ('prj_settle', 'settle', 'usr_s0', 'Settle', 'Bench', 'technology')`,
    );
    await x(`INSERT INTO campaigns (id, project_id, host_owner, title, currency, goal, model, deadline, status, created_by, launched_at)
      VALUES ('cmp_settle', 'prj_settle', 'user:usr_s0', 'Big campaign', 'EUR', 1000000, 'all_or_nothing', now() + interval '1 day', 'live', 'usr_s0', now())`);
    // Amounts from 10.00 to 109.99 EUR; card tokens as the test provider saves them (4242: charges).
    await x(`INSERT INTO pledges (id, campaign_id, backer_id, amount, currency, status, single, provider, method_token, method_label)
      SELECT 'plg_s' || lpad(g::text, 7, '0'), 'cmp_settle', 'usr_s' || g, 1000 + (g * 7919) % 10000, 'EUR', 'pending', true, 'test', 'pm_test_4242_s' || g, 'Visa •••• 4242'
      FROM generate_series(1, ${PLEDGES}) g`);
    for (const table of ['users', 'pledges', 'campaigns']) await database.exec(`VACUUM ANALYZE ${table}`);
    console.log(`seeded ${PLEDGES.toLocaleString('en')} pending pledges in ${fmt((performance.now() - t0) / 1000)} s`);

    const s0 = performance.now();
    // Where the time goes, batch by batch: claiming, the processor's charges, recording (ledger, statuses).
    const phases = { claim: 0, charge: 0, record: 0 };
    let mark = s0;
    const lap = (phase: keyof typeof phases) => {
      const now = performance.now();
      phases[phase] += now - mark;
      mark = now;
    };
    const report = await settleCampaign(ctx, 'cmp_settle', {
      endNow: true,
      hooks: {
        afterClaim: () => lap('claim'),
        afterCharges: () => lap('charge'),
        afterRecord: () => lap('record'),
      },
    });
    const seconds = (performance.now() - s0) / 1000;
    const rest = seconds * 1000 - phases.claim - phases.charge - phases.record;
    console.log(
      `settled ${PLEDGES.toLocaleString('en')} pledges in ${fmt(seconds)} s (${fmt(PLEDGES / seconds, 0)} pledges/s; target < 60 s): ${JSON.stringify(report.pledges)}, campaign ${report.status}`,
    );
    console.log(
      `  time: closing, deciding and claiming batches ${fmt(phases.claim / 1000)} s, charging at the processor ${fmt(phases.charge / 1000)} s, recording (statuses, ledger, notifications) ${fmt(phases.record / 1000)} s, releasing to the host ${fmt(rest / 1000)} s`,
    );

    const [charges] = await x<{ n: string; dup: string }>(
      `SELECT count(*) AS n, count(*) - count(DISTINCT split_part(idempotency_key, ':', 2)) AS dup FROM payment_charges`,
    );
    const [posted] = await x<{ n: string }>(`SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'pledge_collected'`);
    const sums = await x<{ total: string }>(`SELECT sum(amount) AS total FROM ledger_entries GROUP BY currency`);
    const [host] = await x<{ total: string }>(
      `SELECT coalesce(sum(amount), 0) AS total FROM ledger_entries WHERE account = 'host:user:usr_s0:balance'`,
    );
    const amounts = await x<{ amount: string }>(`SELECT amount FROM pledges WHERE campaign_id = 'cmp_settle'`);
    const expectedHost = amounts.reduce((s, r) => {
      const fees = feesOn(Number(r.amount), config);
      return s + Number(r.amount) - fees.payment - fees.platform;
    }, 0);
    console.log(
      `checks: ${Number(charges!.n).toLocaleString('en')} charges (${charges!.dup} twice), ${Number(posted!.n).toLocaleString('en')} ledger collections, ` +
        `ledger sums ${sums.map((r) => r.total).join(', ')}, host balance ${(Number(host!.total) / 100).toLocaleString('en')} EUR (${(expectedHost / 100).toLocaleString('en')} expected)`,
    );
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
