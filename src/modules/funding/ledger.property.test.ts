import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { openTestApp, type TestUser } from '../../../test/support/test-app.js';
import { balancesOf } from '../ledger/service.js';
import { feesOn } from './money.js';
import { campaignFixture, CARD, FAILS_ON_CHARGE, pledge } from '../../../test/support/fixtures.js';
import { rowsOf } from '../../../test/support/sql.js';

const t = await openTestApp();
const backers = await Promise.all([0, 1, 2].map((i) => t.signup(`Prop ${i}`)));

type Kind = 'aon' | 'kia' | 'don';
const MODELS = { aon: 'all_or_nothing', kia: 'keep_it_all', don: 'donation' } as const;

const op = fc.oneof(
  fc.record({
    type: fc.constant('pledge' as const),
    campaign: fc.constantFrom<Kind>('aon', 'kia', 'don'),
    backer: fc.integer({ min: 0, max: 2 }),
    amount: fc.integer({ min: 100, max: 50_000 }),
    failing: fc.boolean(),
  }),
  fc.record({ type: fc.constant('refund' as const), pledge: fc.nat(), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
  fc.record({ type: fc.constant('cancel' as const), pledge: fc.nat() }),
  fc.record({ type: fc.constant('settle' as const), campaign: fc.constantFrom<Kind>('aon', 'kia', 'don') }),
  fc.record({ type: fc.constant('fix' as const), pledge: fc.nat() }),
  fc.record({ type: fc.constant('payout' as const), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
);

interface ModelPledge {
  id: string;
  backer: number;
  kind: Kind;
  amount: number;
  platformFee: number;
  returned: number;
  refunded: number;
}

/** The books as the rules say they should be, kept beside the real ones. */
class Model {
  accounts = new Map<string, number>();
  pledges: ModelPledge[] = [];
  move(account: string, amount: number) {
    this.accounts.set(account, (this.accounts.get(account) ?? 0) + amount);
  }
}

describe('ledger (property)', () => {
  it('sums to zero, and every balance equals the sum of its entries and what the rules say, after any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 9 }), fc.constantFrom('EUR', 'CHF'), async (ops, currency) => {
        const host = await t.signup('Prop host');
        const campaigns: Record<Kind, string> = { aon: '', kia: '', don: '' };
        const settled = new Set<Kind>();
        for (const kind of ['aon', 'kia', 'don'] as const) {
          const f = await campaignFixture(t, { host, model: MODELS[kind], goal: 20_000, currency, tiers: [] });
          campaigns[kind] = f.campaignId;
        }
        const m = new Model();
        const hostAccount = `host:user:${host.id}:balance`;
        const escrow = (k: Kind) => `campaign:${campaigns[k]}:escrow`;
        const card = (i: number) => `external:card:${backers[i]!.id}`;
        const before = new Map(
          (await balancesOf(t.ctx.db, { accounts: backers.map((_, i) => card(i)).concat(['platform:fees', 'platform:payment_fees']) }))
            .filter((b) => b.currency === currency)
            .map((b) => [b.account, b.balance]),
        );
        const collect = (p: ModelPledge) => {
          const fees = feesOn(p.amount, t.ctx.config);
          p.platformFee = fees.platform;
          m.move(card(p.backer), -p.amount);
          m.move('platform:payment_fees', fees.payment);
          m.move('platform:fees', fees.platform);
          m.move(escrow(p.kind), p.amount - fees.payment - fees.platform);
        };
        const sweep = (k: Kind) => {
          const held = m.accounts.get(escrow(k)) ?? 0;
          m.move(escrow(k), -held);
          m.move(hostAccount, held);
        };
        const status = async (id: string) => (await t.request(null, 'GET', `/api/v1/campaigns/${id}`)).json();

        for (const o of ops) {
          if (o.type === 'pledge') {
            const res = await pledge(t, backers[o.backer]!, campaigns[o.campaign], {
              amount: o.amount,
              payment: o.failing && o.campaign === 'aon' ? FAILS_ON_CHARGE : CARD,
            });
            if (res.statusCode !== 201) {
              expect([402, 409]).toContain(res.statusCode);
              continue;
            }
            const p: ModelPledge = {
              id: res.json().id,
              backer: o.backer,
              kind: o.campaign,
              amount: o.amount,
              platformFee: 0,
              returned: 0,
              refunded: 0,
            };
            m.pledges.push(p);
            if (res.json().status === 'collected') collect(p);
          } else if ((o.type === 'refund' || o.type === 'cancel' || o.type === 'fix') && m.pledges.length) {
            const p = m.pledges[o.pledge % m.pledges.length]!;
            const before = (await t.request(backers[p.backer]!, 'GET', `/api/v1/pledges/${p.id}`)).json();
            const url =
              o.type === 'refund'
                ? `/api/v1/pledges/${p.id}/refund`
                : o.type === 'fix'
                  ? `/api/v1/pledges/${p.id}/fix`
                  : `/api/v1/pledges/${p.id}`;
            const refundable = p.amount - p.refunded;
            const amount = Math.max(1, Math.floor(refundable * (o.type === 'refund' ? o.share : 1)));
            const res =
              o.type === 'refund'
                ? await t.request(host, 'POST', url, { amount })
                : o.type === 'fix'
                  ? await t.request(backers[p.backer]!, 'POST', url, { payment: CARD })
                  : await t.request(backers[p.backer]!, 'DELETE', url);
            if (res.statusCode >= 400) {
              expect(res.statusCode, res.body).toBeLessThan(500);
              continue;
            }
            if (o.type === 'fix') {
              expect(before.status).toBe('errored');
              collect(p);
              sweep(p.kind);
            } else if (before.status === 'collected') {
              const r = o.type === 'refund' ? amount : refundable;
              const share = r === refundable ? p.platformFee - p.returned : Math.floor((p.platformFee * r) / p.amount);
              p.returned += share;
              p.refunded += r;
              m.move(card(p.backer), r);
              m.move('platform:fees', -share);
              m.move(settled.has(p.kind) ? hostAccount : escrow(p.kind), -(r - share));
            }
          } else if (o.type === 'settle' && !settled.has(o.campaign)) {
            const res = await t.request(await operator(), 'POST', `/api/v1/campaigns/${campaigns[o.campaign]}/settle`, { endNow: true });
            expect(res.statusCode, res.body).toBe(200);
            settled.add(o.campaign);
            if (o.campaign === 'aon' && res.json().status === 'succeeded') {
              for (const p of m.pledges.filter((x) => x.kind === 'aon')) {
                const now = (await t.request(backers[p.backer]!, 'GET', `/api/v1/pledges/${p.id}`)).json();
                if (now.status === 'collected' && p.platformFee === 0) collect(p);
              }
            }
            sweep(o.campaign);
            expect((await status(campaigns[o.campaign])).settledAt).not.toBeNull();
          } else if (o.type === 'payout') {
            const available = m.accounts.get(hostAccount) ?? 0;
            const amount = Math.floor(available * o.share);
            const res = await t.request(host, 'POST', '/api/v1/payouts', { currency, ...(amount > 0 ? { amount } : {}) });
            if (amount > 0) {
              expect(res.statusCode, res.body).toBe(201);
              m.move(hostAccount, -amount);
            } else {
              expect(res.statusCode).toBe(409);
            }
          }
        }

        // 1. Every transaction, and so the whole ledger, sums to zero per currency.
        const unbalanced = rowsOf(
          await t.ctx.db.execute(
            sql`SELECT transaction_id FROM ledger_entries GROUP BY transaction_id, currency HAVING sum(amount) <> 0 LIMIT 1`,
          ),
        );
        expect(unbalanced).toEqual([]);
        const totals = rowsOf<{ total: string }>(
          await t.ctx.db.execute(sql`SELECT sum(amount) AS total FROM ledger_entries GROUP BY currency`),
        );
        expect(totals.every((r) => Number(r.total) === 0)).toBe(true);
        // 2. Balances equal the sum of the entries, read one by one …
        const accounts = [
          hostAccount,
          escrow('aon'),
          escrow('kia'),
          escrow('don'),
          ...backers.map((_, i) => card(i)),
          'platform:fees',
          'platform:payment_fees',
        ];
        const balances = new Map(
          (await balancesOf(t.ctx.db, { accounts })).filter((b) => b.currency === currency).map((b) => [b.account, b.balance]),
        );
        for (const account of accounts) {
          const entries = rowsOf<{ amount: string }>(
            await t.ctx.db.execute(sql`SELECT amount FROM ledger_entries WHERE account = ${account} AND currency = ${currency}`),
          );
          expect(balances.get(account) ?? 0).toBe(entries.reduce((s, e) => s + Number(e.amount), 0));
        }
        // 3. … and what the rules say they should be. The platform accounts are shared with every other test
        // running on this database, so for them only this run's campaigns' entries are compared.
        for (const account of accounts) {
          if (account.startsWith('platform:')) {
            const ids = sql.join(
              Object.values(campaigns).map((id) => sql`${id}`),
              sql`, `,
            );
            const [row] = rowsOf<{ total: string | null }>(
              await t.ctx.db.execute(sql`SELECT sum(e.amount) AS total FROM ledger_entries e JOIN ledger_transactions x ON x.id = e.transaction_id
                WHERE e.account = ${account} AND x.ref_type = 'campaign' AND x.ref_id IN (${ids})`),
            );
            expect(Number(row?.total ?? 0), account).toBe(m.accounts.get(account) ?? 0);
          } else {
            expect(balances.get(account) ?? 0, account).toBe((before.get(account) ?? 0) + (m.accounts.get(account) ?? 0));
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});

let op_: TestUser | null = null;
async function operator() {
  op_ ??= await t.operator();
  return op_;
}
