import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp } from '../../../test/support/test-app.js';
import { postTransaction, balanceOf, UnbalancedTransactionError } from './service.js';

const t = await openTestApp();

describe('ledger', () => {
  describe('postTransaction', () => {
    it('posts a balanced transaction and derives balances from entries', async () => {
      const a = `test:${Math.random()}:a`;
      const b = `test:${Math.random()}:b`;
      await t.ctx.db.transaction((tx) =>
        postTransaction(tx, {
          kind: 'test',
          currency: 'EUR',
          entries: [
            { account: a, amount: -700 },
            { account: b, amount: 700 },
          ],
        }),
      );
      expect(await balanceOf(t.ctx.db, a, 'EUR')).toBe(-700);
      expect(await balanceOf(t.ctx.db, b, 'EUR')).toBe(700);
      expect(await balanceOf(t.ctx.db, b, 'USD')).toBe(0);
    });

    it('refuses an unbalanced transaction in code', async () => {
      await expect(
        postTransaction(t.ctx.db, { kind: 'test', currency: 'EUR', entries: [{ account: 'x', amount: 5 }] }),
      ).rejects.toBeInstanceOf(UnbalancedTransactionError);
    });

    it('is enforced by the database too: unbalanced rows written directly fail at commit', async () => {
      const id = `ltx_direct_${Date.now()}`;
      await expect(
        t.ctx.db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO ledger_transactions (id, kind, currency) VALUES (${id}, 'test', 'EUR')`);
          await tx.execute(sql`INSERT INTO ledger_entries (transaction_id, account, currency, amount) VALUES (${id}, 'a', 'EUR', 10)`);
        }),
      ).rejects.toThrow();
      const rows = await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM ledger_entries WHERE transaction_id = ${id}`);
      expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    });

    it('is append-only: entries cannot be changed or deleted', async () => {
      const id = await postTransaction(t.ctx.db, {
        kind: 'test',
        currency: 'EUR',
        entries: [
          { account: 'p', amount: -1 },
          { account: 'q', amount: 1 },
        ],
      });
      await expect(t.ctx.db.execute(sql`UPDATE ledger_entries SET amount = 2 WHERE transaction_id = ${id}`)).rejects.toThrow();
      await expect(t.ctx.db.execute(sql`DELETE FROM ledger_entries WHERE transaction_id = ${id}`)).rejects.toThrow();
    });

    it('posts once per idempotency key', async () => {
      const key = `k-${Math.random()}`;
      const acc = `test:${Math.random()}`;
      const input = {
        kind: 'test',
        currency: 'EUR',
        idempotencyKey: key,
        entries: [
          { account: acc, amount: 3 },
          { account: 'test:other', amount: -3 },
        ],
      };
      const first = await postTransaction(t.ctx.db, input);
      const second = await postTransaction(t.ctx.db, input);
      expect(second).toBe(first);
      expect(await balanceOf(t.ctx.db, acc, 'EUR')).toBe(3);
    });
  });
});
