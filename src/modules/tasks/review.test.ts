import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LedgerAccounts, hostOwnerKey } from '../ledger/accounts.js';
import { balanceOf, trialBalance } from '../ledger/service.js';
import { autoApprove } from './review.js';
import { CATS_OR_DOGS, itemsCsv, lease, makeBatch, makeProject, publish, submit, upload } from '../../../test/support/fixtures.js';
import type { TestUser } from '../../../test/support/test-app.js';
import { openTestApp } from '../../../test/support/test-app.js';

const t = await openTestApp();
const host = await t.signup('Hugo Host');
const project = await makeProject(t, host);

const bal = (account: string) => balanceOf(t.ctx.db, account, 'EUR');

/** A rewarded batch of n items, published, and `workers` who each answer every item they are offered. */
async function workedBatch(
  n: number,
  overlap: number,
  answerOf: (worker: number, ext: string) => string,
  extra: Record<string, unknown> = {},
) {
  const b = await makeBatch(t, host, {
    projectId: project.id,
    body: { ...CATS_OR_DOGS, overlap, reward: { amount: 25, currency: 'EUR' }, ...extra },
  });
  await upload(t, host, b.id, itemsCsv(n));
  await publish(t, host, b.id);
  const workers: TestUser[] = [];
  const assignments: { id: string; worker: TestUser }[] = [];
  for (let k = 0; k < overlap + 1; k++) {
    const w = await t.signup(`Paid worker ${k}`);
    workers.push(w);
    for (;;) {
      const res = await lease(t, w, b.id);
      if (res.statusCode === 204) break;
      const ext = res.json().item.data.text.replace('Picture ', 'i');
      await submit(t, w, res.json().id, answerOf(k, ext));
      assignments.push({ id: res.json().id, worker: w });
    }
  }
  return { batch: b, workers, assignments };
}

describe('TasksService', () => {
  describe('publishBatch', () => {
    it('funds reward × overlap × items into escrow, once (Idempotency-Key replays)', async () => {
      const b = await makeBatch(t, host, {
        projectId: project.id,
        body: { ...CATS_OR_DOGS, overlap: 3, reward: { amount: 10, currency: 'EUR' } },
      });
      await upload(t, host, b.id, itemsCsv(4));
      const first = await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/publish`, {}, { 'idempotency-key': `pub-${b.id}` });
      const again = await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/publish`, {}, { 'idempotency-key': `pub-${b.id}` });
      expect(first.statusCode).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(first.json().budget).toEqual({ funded: 120, currency: 'EUR' });
      expect(await bal(LedgerAccounts.taskEscrow(b.id))).toBe(120);
    });
  });

  describe('reviewAssignment', () => {
    it('approval pays the worker from escrow; rejection needs a reason and frees the item', async () => {
      const { batch, assignments } = await workedBatch(2, 1, () => 'cat');
      const [a1, a2] = assignments;
      const paid = await t.request(
        host,
        'POST',
        `/api/v1/assignments/${a1!.id}/review`,
        { decision: 'approve' },
        { 'idempotency-key': `rv-${a1!.id}` },
      );
      expect(paid.json()).toEqual({ id: a1!.id, review: 'approved', paid: 25 });
      expect(await bal(LedgerAccounts.workerBalance(a1!.worker.id))).toBe(25);
      expect(await bal(LedgerAccounts.taskEscrow(batch.id))).toBe(50 - 25);
      const again = await t.request(host, 'POST', `/api/v1/assignments/${a1!.id}/review`, { decision: 'approve' });
      expect(again.json().error.code).toBe('not_pending_review');

      const noReason = await t.request(host, 'POST', `/api/v1/assignments/${a2!.id}/review`, { decision: 'reject' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.details[0].field).toBe('body.reason');
      const rejected = await t.request(host, 'POST', `/api/v1/assignments/${a2!.id}/review`, {
        decision: 'reject',
        reason: 'Not an answer to the question.',
      });
      expect(rejected.json().review).toBe('rejected');
      // The item takes another answer, from another worker.
      const fresh = await t.signup('Second chance');
      expect((await lease(t, fresh, batch.id)).statusCode).toBe(201);
      const worker = await t.request(a2!.worker, 'GET', '/api/v1/me/assignments');
      expect(worker.json().items[0]).toMatchObject({ review: 'rejected', reviewReason: 'Not an answer to the question.' });
      const stranger = await t.signup('Not host');
      // A stranger learns nothing of someone's answer (404); its worker sees it but may not judge it (403).
      expect((await t.request(stranger, 'POST', `/api/v1/assignments/${a1!.id}/review`, { decision: 'approve' })).statusCode).toBe(404);
      expect((await t.request(a1!.worker, 'POST', `/api/v1/assignments/${a1!.id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    });

    it('approves unreviewed work automatically after the delay, and pays it', async () => {
      const { assignments } = await workedBatch(1, 1, () => 'dog', { autoApproveHours: 1 });
      const a = assignments[0]!;
      await autoApprove(t.ctx);
      expect(await bal(LedgerAccounts.workerBalance(a.worker.id))).toBe(0);
      t.clock.advance(3600_000 + 1000);
      expect(await autoApprove(t.ctx)).toBeGreaterThanOrEqual(1);
      expect(await bal(LedgerAccounts.workerBalance(a.worker.id))).toBe(25);
      const earnings = (await t.request(a.worker, 'GET', '/api/v1/me/task-earnings')).json();
      expect(earnings.balances).toEqual([{ amount: 25, currency: 'EUR' }]);
    });
    it('approves each batch on its own delay', async () => {
      const soon = await workedBatch(1, 1, () => 'dog', { autoApproveHours: 2 });
      const later = await workedBatch(1, 1, () => 'dog', { autoApproveHours: 10 });
      const [s, l] = [soon.assignments[0]!, later.assignments[0]!];
      t.clock.advance(2 * 3600_000 + 1000);
      await autoApprove(t.ctx);
      expect(await bal(LedgerAccounts.workerBalance(s.worker.id))).toBe(25);
      expect(await bal(LedgerAccounts.workerBalance(l.worker.id))).toBe(0);
      t.clock.advance(8 * 3600_000);
      await autoApprove(t.ctx);
      expect(await bal(LedgerAccounts.workerBalance(l.worker.id))).toBe(25);
      expect(await bal(LedgerAccounts.workerBalance(s.worker.id))).toBe(25); // paid once
    });
  });

  describe('closeBatch', () => {
    it('returns the unspent budget to the host, keeping what pending answers may still be paid', async () => {
      const { batch, assignments } = await workedBatch(2, 1, () => 'cat');
      await t.request(host, 'POST', `/api/v1/assignments/${assignments[0]!.id}/review`, { decision: 'approve' });
      const hostBalance = LedgerAccounts.hostBalance(hostOwnerKey(project));
      const before = await bal(hostBalance);
      const closed = await t.request(host, 'POST', `/api/v1/task-batches/${batch.id}/close`, {});
      expect(closed.json()).toMatchObject({ status: 'closed', returned: 50 - 25 - 25 });
      // The second answer is still pending: rejected after closing, its reward goes back to the host.
      await t.request(host, 'POST', `/api/v1/assignments/${assignments[1]!.id}/review`, { decision: 'reject', reason: 'Too late, sorry.' });
      expect(await bal(LedgerAccounts.taskEscrow(batch.id))).toBe(0);
      expect(await bal(hostBalance)).toBe(before + 25);
      for (const row of await trialBalance(t.ctx.db)) expect(row.total).toBe(0);
    });
  });

  describe('payBonus', () => {
    it('pays a worker of the batch through the ledger and counts it in their earnings', async () => {
      const { batch, workers, assignments } = await workedBatch(1, 1, () => 'cat');
      const res = await t.request(
        host,
        'POST',
        `/api/v1/task-batches/${batch.id}/bonuses`,
        { workerId: workers[0]!.id, amount: 300, reason: 'Careful work' },
        { 'idempotency-key': `bonus-${batch.id}` },
      );
      expect(res.statusCode).toBe(201);
      await t.request(
        host,
        'POST',
        `/api/v1/task-batches/${batch.id}/bonuses`,
        { workerId: workers[0]!.id, amount: 300, reason: 'Careful work' },
        { 'idempotency-key': `bonus-${batch.id}` },
      );
      expect(await bal(LedgerAccounts.workerBalance(workers[0]!.id))).toBe(300);
      const unknown = await t.request(host, 'POST', `/api/v1/task-batches/${batch.id}/bonuses`, {
        workerId: 'usr_nobody',
        amount: 5,
        reason: 'x',
      });
      expect(unknown.statusCode).toBe(404);
      const list = (await t.request(host, 'GET', `/api/v1/task-batches/${batch.id}/workers`)).json();
      expect(list.items.find((w: { workerId: string }) => w.workerId === workers[0]!.id).earnings).toEqual({
        amount: 300,
        currency: 'EUR',
      });
      // Earnings read the ledger: the approved reward joins the bonus.
      await t.request(host, 'POST', `/api/v1/assignments/${assignments[0]!.id}/review`, { decision: 'approve' });
      const after = (await t.request(host, 'GET', `/api/v1/task-batches/${batch.id}/workers`)).json();
      expect(after.items.find((w: { workerId: string }) => w.workerId === workers[0]!.id).earnings).toEqual({
        amount: 325,
        currency: 'EUR',
      });
    });
  });

  describe('importAnswers', () => {
    it('imports answers from elsewhere, all or nothing, with bad rows reported by line', async () => {
      const b = await makeBatch(t, host, { projectId: project.id, body: { ...CATS_OR_DOGS, overlap: 3 } });
      await upload(t, host, b.id, itemsCsv(3));
      const bad = await t.request(
        host,
        'POST',
        `/api/v1/task-batches/${b.id}/imported-answers`,
        'item,worker,answer\ni1,w1,cat\ni9,w1,cat\ni2,w2,horse\ni1,w1,dog\n',
        { 'content-type': 'text/csv' },
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { line: number; field: string }) => [d.line, d.field])).toEqual([
        [3, 'item'],
        [4, 'answer'],
        [5, 'worker'],
      ]);
      const badHeader = await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/imported-answers`, 'item,who,answer\ni1,w1,cat\n', {
        'content-type': 'text/csv',
      });
      expect(badHeader.json().error.details[0]).toMatchObject({ line: 1, field: 'header' });
      expect((await t.request(host, 'GET', `/api/v1/task-batches/${b.id}/results?method=mv`)).json().answeredItems).toBe(0);

      const csv = 'item,worker,answer\ni1,w1,cat\ni1,w2,cat\ni1,w3,dog\ni2,w1,dog\ni2,w2,dog\ni2,w3,dog\ni3,w1,cat\n';
      const ok = await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/imported-answers`, csv, { 'content-type': 'text/csv' });
      expect(ok.json()).toEqual({ imported: 7, workers: 3 });
      const results = (await t.request(host, 'GET', `/api/v1/task-batches/${b.id}/results?method=mv`)).json();
      expect(
        results.items.map((i: { externalId: string; answer: string; answersCount: number }) => [i.externalId, i.answer, i.answersCount]),
      ).toEqual([
        ['i1', 'cat', 3],
        ['i2', 'dog', 3],
        ['i3', 'cat', 1],
      ]);
      expect(results.items[0].confidence).toBeCloseTo(2 / 3, 5);
      expect(results.items[0].answers).toBe(3);
      expect(results.items[0].votes).toHaveLength(3);
    });
  });

  describe('batchResults', () => {
    it('exports results.csv with formulas from the crowd or the upload defused, and numbers left as numbers', async () => {
      const b = await makeBatch(t, host, { projectId: project.id, body: { ...CATS_OR_DOGS, answer: { kind: 'text' }, overlap: 1 } });
      expect((await upload(t, host, b.id, 'externalId,text\n@ext,first\n-5,second\n')).statusCode).toBe(201);
      await publish(t, host, b.id);
      const answerFor: Record<string, string> = { first: '=HYPERLINK("http://evil.example","a, b")', second: '-500' };
      for (let k = 0; k < 2; k++) {
        const worker = await t.signup(`Writer ${k}`);
        const l = await lease(t, worker, b.id);
        expect(l.statusCode, l.body).toBe(201);
        const s = await submit(t, worker, l.json().id, answerFor[l.json().item.data.text as string]);
        expect(s.statusCode, s.body).toBe(200);
      }
      const res = await t.request(host, 'GET', `/api/v1/task-batches/${b.id}/results.csv`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body.split('\n')[0]).toBe('externalId,answer,confidence,answers');
      const rows = parse(res.body) as string[][];
      expect(rows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
        ["'@ext", '\'=HYPERLINK("http://evil.example","a, b")', '1'],
        ['-5', '-500', '1'],
      ]);
    });

    it('aggregates with every method, exports CSV and JSON, and describes workers with a confusion matrix', async () => {
      const truth: Record<string, string> = { i1: 'cat', i2: 'dog', i3: 'cat', i4: 'dog' };
      const { batch } = await workedBatch(4, 3, (k, ext) => (k === 0 ? (truth[ext] === 'cat' ? 'dog' : 'cat') : truth[ext]!));
      for (const method of ['mv', 'wmv', 'ds', 'glad', 'mme']) {
        const res = await t.request(host, 'GET', `/api/v1/task-batches/${batch.id}/results?method=${method}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().items.map((i: { answer: string }) => i.answer)).toEqual(['cat', 'dog', 'cat', 'dog']);
      }
      const bad = await t.request(host, 'GET', `/api/v1/task-batches/${batch.id}/results?method=median`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('method_not_suited');
      const paged = (await t.request(host, 'GET', `/api/v1/task-batches/${batch.id}/results?limit=3`)).json();
      expect(paged.items).toHaveLength(3);
      expect(
        (await t.request(host, 'GET', `/api/v1/task-batches/${batch.id}/results?limit=3&cursor=${paged.nextCursor}`)).json().items,
      ).toHaveLength(1);

      const csv = await t.request(host, 'GET', `/api/v1/task-batches/${batch.id}/results.csv?method=ds`);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.trim().split('\n');
      expect(lines[0]).toBe('externalId,answer,confidence,answers');
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['i1,cat', 'i2,dog', 'i3,cat', 'i4,dog']);
      const json = (await t.request(host, 'GET', `/api/v1/task-batches/${batch.id}/results.json`)).json();
      expect(json.items).toHaveLength(4);

      const workers = (await t.request(host, 'GET', `/api/v1/task-batches/${batch.id}/workers?method=ds`)).json();
      expect(workers.items.length).toBeGreaterThanOrEqual(3);
      for (const w of workers.items) {
        expect(w.confusion).toHaveLength(2);
        expect(w.earnings.currency).toBe('EUR');
      }
      const stranger = await t.signup('Curious');
      expect((await t.request(stranger, 'GET', `/api/v1/task-batches/${batch.id}/results`)).statusCode).toBe(403);
    });

    it('aggregates numbers with mean, median and robust', async () => {
      const b = await makeBatch(t, host, { projectId: project.id, body: { ...CATS_OR_DOGS, answer: { kind: 'number' }, overlap: 3 } });
      await upload(t, host, b.id, itemsCsv(1));
      await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/imported-answers`, 'item,worker,answer\ni1,a,10\ni1,b,12\ni1,c,50\n', {
        'content-type': 'text/csv',
      });
      const get = async (m: string) =>
        (await t.request(host, 'GET', `/api/v1/task-batches/${b.id}/results?method=${m}`)).json().items[0].answer;
      expect(await get('mean')).toBe(24);
      expect(await get('median')).toBe(12);
      expect(typeof (await get('robust'))).toBe('number');
    });
  });
});
