import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { items, lease, makeBatch, work } from '../../../test/support/fixtures.js';
import { openTestApp } from '../../../test/support/test-app.js';
import { rowsIn } from './test-helpers.js';

const t = await openTestApp();
const host = await t.signup('Host');

const rows = <T>(q: SQL) => rowsIn<T>(t, q);

async function itemCounts(batchId: string) {
  return rows<{ id: string; wanted: number; answers_count: number; leased_count: number; real: string }>(sql`
    SELECT i.id, i.wanted, i.answers_count, i.leased_count,
      (SELECT count(*) FROM task_assignments a WHERE a.item_id = i.id AND a.status = 'submitted') AS real
    FROM task_items i WHERE i.batch_id = ${batchId} ORDER BY i.seq`);
}

describe('Leasing', () => {
  describe('leaseNext', () => {
    it('leases an item with the batch instructions and progress, and gives an open lease back', async () => {
      const { id } = await makeBatch(t, host, { items: items(3), publish: true });
      const w = await t.signup('Worker');
      const res = await lease(t, w, id);
      expect(res.statusCode).toBe(201);
      const l = res.json();
      expect(l).toMatchObject({
        item: { data: { url: 'https://img.example/0.jpg' } },
        batch: { title: 'Which animal?', answer: { kind: 'label', labels: ['cat', 'dog', 'bird'] } },
        progress: { done: 0, total: 3 },
      });
      expect(l.batch.instructionsHtml).toContain('<strong>animal</strong>');
      expect(l.item.data.externalId).toBeUndefined();
      expect((await lease(t, w, id)).json().id).toBe(l.id);
      expect((await t.request(null, 'POST', `/api/v1/task-batches/${id}/assignments`)).statusCode).toBe(401);
    });

    it('never over-collects and never gives one worker an item twice, with 20 workers at once', async () => {
      const { id } = await makeBatch(t, host, { items: items(10), publish: true });
      const workers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.signup(`Crowd ${i}`)));
      let answered = 0;
      for (let round = 0; round < 12; round++) {
        const results = await Promise.all(workers.map((w) => work(t, w, id, 'cat')));
        answered += results.filter(Boolean).length;
        if (results.every((r) => r === null)) break;
      }
      expect(answered).toBe(30);
      const counts = await itemCounts(id);
      for (const c of counts) {
        expect(c.answers_count).toBe(3);
        expect(Number(c.real)).toBe(3);
        expect(c.leased_count).toBe(0);
      }
      const repeats = await rows(
        sql`SELECT item_id, worker_ref FROM task_assignments WHERE batch_id = ${id} GROUP BY 1, 2 HAVING count(*) > 1`,
      );
      expect(repeats).toEqual([]);
      expect((await lease(t, workers[0]!, id)).statusCode).toBe(204);
    }, 60_000);

    it('records answers sent at once together, each counted once, and a lease answered twice at once only once', async () => {
      const { id } = await makeBatch(t, host, { items: items(4), publish: true });
      const workers = await Promise.all(Array.from({ length: 6 }, (_, i) => t.signup(`Burst ${i}`)));
      const leases = await Promise.all(
        workers.map(async (w) => ({ w, l: (await lease(t, w, id)).json() as { id: string; item: { id: string } } })),
      );
      // Every worker answers, and the first one sends the same answer twice in the same instant.
      const sends = [...leases, leases[0]!].map(({ w, l }) =>
        t.request(w, 'POST', `/api/v1/assignments/${l.id}/submit`, { answer: 'dog' }),
      );
      const statuses = (await Promise.all(sends)).map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
      expect(statuses.filter((s) => s === 409)).toHaveLength(1);
      const counts = await itemCounts(id);
      expect(counts.reduce((n, c) => n + c.answers_count, 0)).toBe(6);
      for (const c of counts) {
        expect(c.answers_count).toBe(Number(c.real));
        expect(c.leased_count).toBe(0);
      }
      const perWorker = await rows<{ answers: number }>(sql`SELECT answers FROM task_workers WHERE batch_id = ${id}`);
      expect(perWorker.map((r) => r.answers)).toEqual([1, 1, 1, 1, 1, 1]);
    });

    it('serves lease requests arriving together: one item a worker, no item past its places, one lease for a worker asking twice', async () => {
      // 2 items × overlap 3 = 6 places for 8 workers, all asking at once; the first asks twice.
      const { id } = await makeBatch(t, host, { items: items(2), publish: true });
      const workers = await Promise.all(Array.from({ length: 8 }, (_, i) => t.signup(`Rush ${i}`)));
      const answers = await Promise.all([...workers, workers[0]!].map((w) => lease(t, w, id)));
      const granted = answers.filter((r) => r.statusCode === 201).map((r) => r.json() as { id: string; item: { id: string } });
      expect(answers.every((r) => r.statusCode === 201 || r.statusCode === 204)).toBe(true);
      // The worker who asked twice holds one lease, given back to both requests.
      expect(answers[0]!.statusCode).toBe(201);
      expect(answers[8]!.json().id).toBe(answers[0]!.json().id);
      expect(new Set(granted.map((g) => g.id)).size).toBe(6);
      const counts = await itemCounts(id);
      for (const c of counts) expect(c.leased_count).toBeLessThanOrEqual(c.wanted);
      expect(counts.reduce((n, c) => n + c.leased_count, 0)).toBe(6);
      const repeats = await rows(
        sql`SELECT item_id, worker_ref FROM task_assignments WHERE batch_id = ${id} GROUP BY 1, 2 HAVING count(*) > 1`,
      );
      expect(repeats).toEqual([]);
    });

    it('answers 204 once the worker did every item', async () => {
      const { id } = await makeBatch(t, host, { items: items(2), publish: true });
      const w = await t.signup('Done');
      await work(t, w, id, 'dog');
      await work(t, w, id, 'dog');
      expect((await lease(t, w, id)).statusCode).toBe(204);
    });

    it('frees an expired lease for another worker, and refuses the late answer once the place is taken', async () => {
      const { id } = await makeBatch(t, host, { items: items(1), body: { overlap: 1, leaseSeconds: 60 }, publish: true });
      const [a, b] = [await t.signup('Slow'), await t.signup('Quick')];
      const first = (await lease(t, a, id)).json();
      expect((await lease(t, b, id)).statusCode).toBe(204);
      t.clock.advance(61_000);
      const second = await lease(t, b, id);
      expect(second.statusCode).toBe(201);
      expect(second.json().item.id).toBe(first.item.id);
      const late = await t.request(a, 'POST', `/api/v1/assignments/${first.id}/submit`, { answer: 'cat' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('lease_expired');
      expect((await t.request(b, 'POST', `/api/v1/assignments/${second.json().id}/submit`, { answer: 'cat' })).statusCode).toBe(200);
      expect((await itemCounts(id))[0]).toMatchObject({ answers_count: 1, leased_count: 0 });
    });

    it('accepts a late answer while nobody took the place', async () => {
      const { id } = await makeBatch(t, host, { items: items(1), body: { overlap: 1, leaseSeconds: 60 }, publish: true });
      const a = await t.signup('Late');
      const l = (await lease(t, a, id)).json();
      t.clock.advance(120_000);
      expect((await t.request(a, 'POST', `/api/v1/assignments/${l.id}/submit`, { answer: 'bird' })).statusCode).toBe(200);
    });

    it('skips: the item goes to others, never back to the skipper', async () => {
      const { id } = await makeBatch(t, host, { items: items(1), body: { overlap: 1 }, publish: true });
      const [a, b] = [await t.signup('Skipper'), await t.signup('Other')];
      const l = (await lease(t, a, id)).json();
      expect((await t.request(a, 'POST', `/api/v1/assignments/${l.id}/skip`)).json()).toEqual({ id: l.id, status: 'skipped' });
      expect((await t.request(a, 'POST', `/api/v1/assignments/${l.id}/skip`)).statusCode).toBe(409);
      expect((await lease(t, a, id)).statusCode).toBe(204);
      expect((await lease(t, b, id)).json().item.id).toBe(l.item.id);
    });
  });

  describe('a project hidden by moderation', () => {
    it('stops leases and answers at once, although this process has the batch row cached', async () => {
      const { id, projectId } = await makeBatch(t, host, { items: items(6), body: { overlap: 1 }, publish: true });
      const [operator, a, b, c] = [await t.operator(), await t.signup('Holder'), await t.signup('Answerer'), await t.signup('Newcomer')];
      // Leases taken now put the published batch (project visible) in this process's short-lived cache.
      const held = await lease(t, a, id);
      expect(held.statusCode, held.body).toBe(201);
      const open = await lease(t, b, id);
      expect(open.statusCode, open.body).toBe(201);
      const hidden = await t.request(operator, 'POST', `/api/v1/projects/${projectId}/hide`, { reason: 'scam' });
      expect(hidden.statusCode, hidden.body).toBe(200);

      for (const worker of [c, a, host]) {
        const res = await lease(t, worker, id);
        expect(res.statusCode, res.body).toBe(404);
        expect(res.json().error.code).toBe('batch_not_found');
      }
      const answer = await t.request(b, 'POST', `/api/v1/assignments/${open.json().id}/submit`, { answer: 'cat' });
      expect(answer.statusCode, answer.body).toBe(404);
      expect(answer.json().error.code).toBe('batch_not_found');
      const counts = await itemCounts(id);
      expect(counts.reduce((n, i) => n + i.answers_count, 0)).toBe(0);
      expect(counts.reduce((n, i) => n + i.leased_count, 0)).toBe(2);
      expect(await rows(sql`SELECT id FROM task_assignments WHERE batch_id = ${id}`)).toHaveLength(2);

      // Shown again, the batch takes work again.
      expect((await t.request(operator, 'POST', `/api/v1/projects/${projectId}/unhide`, {})).statusCode).toBe(200);
      expect((await t.request(b, 'POST', `/api/v1/assignments/${open.json().id}/submit`, { answer: 'cat' })).statusCode).toBe(200);
      expect((await lease(t, c, id)).statusCode).toBe(201);
    });
  });

  describe('submitAnswer', () => {
    it('checks the answer against the kind and names the field', async () => {
      const { id } = await makeBatch(t, host, { items: items(1), publish: true });
      const w = await t.signup('Checked');
      const l = (await lease(t, w, id)).json();
      for (const bad of ['horse', 3, ['cat'], null]) {
        const res = await t.request(w, 'POST', `/api/v1/assignments/${l.id}/submit`, { answer: bad });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details[0].field).toBe('body.answer');
      }
      const other = await t.signup('Nosy');
      expect((await t.request(other, 'POST', `/api/v1/assignments/${l.id}/submit`, { answer: 'cat' })).statusCode).toBe(404);
      expect((await t.request(w, 'POST', `/api/v1/assignments/${l.id}/submit`, { answer: 'cat' })).json()).toEqual({
        id: l.id,
        status: 'submitted',
      });
      expect((await t.request(w, 'POST', `/api/v1/assignments/${l.id}/submit`, { answer: 'cat' })).json().error.code).toBe(
        'assignment_done',
      );
    });

    it('takes labels, numbers and texts in canonical form', async () => {
      const multi = await makeBatch(t, host, {
        items: items(1),
        body: { answer: { kind: 'labels', labels: ['red', 'green', 'blue'] } },
        publish: true,
      });
      const num = await makeBatch(t, host, { items: items(1), body: { answer: { kind: 'number' } }, publish: true });
      const txt = await makeBatch(t, host, { items: items(1), body: { answer: { kind: 'text' } }, publish: true });
      const w = await t.signup('Kinds');
      await work(t, w, multi.id, ['blue', 'red']);
      await work(t, w, num.id, 12.5);
      await work(t, w, txt.id, '  a sentence ');
      const answers = await rows<{ answer: unknown }>(
        sql`SELECT answer FROM task_assignments WHERE worker_ref = ${w.id} ORDER BY leased_at, id`,
      );
      expect(answers.map((a) => a.answer)).toEqual([['red', 'blue'], 12.5, 'a sentence']);
    });
  });

  describe('dynamic overlap', () => {
    it('stops at minOverlap when answers agree and asks more, up to maxOverlap, when they do not', async () => {
      const { id } = await makeBatch(t, host, {
        items: [
          { externalId: 'agree', url: 'a' },
          { externalId: 'split', url: 'b' },
        ],
        body: { overlap: undefined, dynamic: { minOverlap: 2, maxOverlap: 4, confidence: 0.7 } },
        publish: true,
      });
      const answer = (n: number) => (d: Record<string, unknown>) => (d.url === 'a' ? 'cat' : ['cat', 'dog', 'cat', 'dog'][n]);
      for (let n = 0; n < 6; n++) {
        const w = await t.signup(`Dyn ${n}`);
        while (await work(t, w, id, answer(n)));
      }
      const counts = await itemCounts(id);
      expect(counts.map((c) => [c.wanted, c.answers_count])).toEqual([
        [2, 2],
        [4, 4],
      ]);
    });

    it('stops early once the leading answer reaches the confidence', async () => {
      const { id } = await makeBatch(t, host, {
        items: [{ externalId: 'x', url: 'x' }],
        body: { overlap: undefined, dynamic: { minOverlap: 2, maxOverlap: 6, confidence: 0.7 } },
        publish: true,
      });
      for (const a of ['cat', 'dog', 'cat', 'cat', 'cat', 'cat']) await work(t, await t.signup('Voter'), id, a);
      // cat dog (0.5) → 3rd: 2/3 → 4th: 3/4 = 0.75 ≥ 0.7: done at 4
      expect((await itemCounts(id))[0]).toMatchObject({ wanted: 4, answers_count: 4 });
    });
  });

  describe('gold and qualification', () => {
    it('gives feedback after gold items and stops a worker below the accuracy threshold', async () => {
      const { id } = await makeBatch(t, host, {
        items: [...items(3, () => ({ gold: 'cat' })).map((i) => ({ ...i, externalId: `g${i.externalId}` })), ...items(5)],
        body: { goldRate: 1, qualification: { minGoldAccuracy: 0.6, minGoldAnswers: 2 }, overlap: 5 },
        publish: true,
      });
      const good = await t.signup('Good');
      const bad = await t.signup('Bad');
      const g1 = await work(t, good, id, 'cat');
      expect(g1!.gold).toEqual({ correct: true, expected: 'cat' });
      const b1 = await work(t, bad, id, 'dog');
      expect(b1!.gold).toEqual({ correct: false, expected: 'cat' });
      const b2 = await work(t, bad, id, 'dog');
      expect(b2!.gold!.correct).toBe(false);
      const refused = await lease(t, bad, id);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('not_qualified');
      expect(refused.json().error.message).toMatch(/0%.*60%/);
      // the good worker goes on, gold first then the regular items
      let n = 1;
      while (await work(t, good, id, 'cat')) n++;
      expect(n).toBe(8);
    });

    it('serves regular items when the gold rate is 0', async () => {
      const { id } = await makeBatch(t, host, { items: [...items(2), { externalId: 'g', url: 'g', gold: 'dog' }], publish: true });
      const w = await t.signup('NoGold');
      expect((await work(t, w, id, 'cat'))!.gold).toBeUndefined();
      expect((await work(t, w, id, 'cat'))!.gold).toBeUndefined();
      expect((await work(t, w, id, 'cat'))!.gold).toEqual({ correct: false, expected: 'dog' });
    });
  });
});
