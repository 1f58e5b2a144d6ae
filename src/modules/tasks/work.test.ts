import { describe, expect, it } from 'vitest';
import { type SQL, sql } from 'drizzle-orm';
import { CATS_OR_DOGS, itemsCsv, lease, makeBatch, makeProject, publish, submit, upload } from '../../../test/support/fixtures.js';
import { openTestApp } from '../../../test/support/test-app.js';
import { rowsIn } from './test-helpers.js';

const t = await openTestApp();
const host = await t.signup('Hana Host');
const projectId = (await makeProject(t, host)).id;

const rows = <T>(q: SQL) => rowsIn<T>(t, q);

describe('TasksService', () => {
  describe('createBatch', () => {
    it('creates a draft and names bad fields', async () => {
      const b = await makeBatch(t, host, { projectId: projectId, body: CATS_OR_DOGS });
      expect(b.status).toBe('draft');
      const bad = await t.request(host, 'POST', `/api/v1/projects/${projectId}/task-batches`, {
        title: '',
        answer: { kind: 'label', labels: ['x'] },
        overlap: 0,
      });
      expect(bad.statusCode).toBe(400);
      const fields = bad.json().error.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.answer.labels', 'body.overlap']));
      const stranger = await t.signup('Stranger');
      expect(
        (
          await t.request(stranger, 'POST', `/api/v1/projects/${projectId}/task-batches`, {
            title: 'x',
            answer: { kind: 'text' },
            overlap: 1,
          })
        ).statusCode,
      ).toBe(403);
    });
  });

  describe('uploadItems', () => {
    it('takes CSV and JSON Lines with externalId and gold, and counts them', async () => {
      const b = await makeBatch(t, host, { projectId: projectId, body: CATS_OR_DOGS });
      const csv = await upload(t, host, b.id, itemsCsv(3, { 2: 'dog' }));
      expect(csv.statusCode).toBe(201);
      expect(csv.json()).toEqual({ inserted: 3, total: 3 });
      const jsonl = await upload(
        t,
        host,
        b.id,
        '{"externalId":"j1","url":"https://x/1.jpg","gold":"cat"}\n{"externalId":"j2","url":"https://x/2.jpg"}\n',
        'application/x-ndjson',
      );
      expect(jsonl.json()).toEqual({ inserted: 2, total: 5 });
      const got = (await t.request(host, 'GET', `/api/v1/task-batches/${b.id}`)).json();
      expect(got).toMatchObject({ itemsCount: 5, goldCount: 2 });
    });

    it('reports bad rows by line and inserts nothing', async () => {
      const b = await makeBatch(t, host, { projectId: projectId, body: CATS_OR_DOGS });
      const res = await upload(t, host, b.id, 'externalId,text,gold\na,one,cat\na,two,\nc,three,horse\n');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_rows');
      expect(res.json().error.details).toEqual([
        { line: 3, field: 'externalId', message: '"a" is used twice' },
        { line: 4, field: 'gold', message: expect.stringContaining('not one of the labels') },
      ]);
      expect((await t.request(host, 'GET', `/api/v1/task-batches/${b.id}`)).json().itemsCount).toBe(0);
      const wrongType = await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/items`, { a: 1 });
      expect(wrongType.statusCode).toBe(400);
    });

    it('takes 100,000 items in one upload', async () => {
      const b = await makeBatch(t, host, { projectId: projectId, body: CATS_OR_DOGS });
      const res = await upload(t, host, b.id, itemsCsv(100_000));
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ inserted: 100_000, total: 100_000 });
    }, 120_000);
  });

  describe('leaseNext', () => {
    it('never gives one item more answers than it needs, nor one worker an item twice, under concurrency', async () => {
      const b = await makeBatch(t, host, { projectId: projectId, body: { ...CATS_OR_DOGS, overlap: 3 } });
      await upload(t, host, b.id, itemsCsv(10));
      await publish(t, host, b.id);
      const workers = await Promise.all(Array.from({ length: 8 }, (_, k) => t.signup(`Worker ${k}`)));
      // Each worker loops: lease, submit, until nothing is left for them; all eight at once.
      await Promise.all(
        workers.map(async (w) => {
          for (;;) {
            const res = await lease(t, w, b.id);
            if (res.statusCode === 204) return;
            expect(res.statusCode).toBe(201);
            const s = await submit(t, w, res.json().id, 'cat');
            expect(s.statusCode).toBe(200);
          }
        }),
      );
      const counts = await rows<{ answers_count: number; n: string }>(sql`
        SELECT i.answers_count, (SELECT count(*) FROM task_assignments a WHERE a.item_id = i.id AND a.status = 'submitted') AS n
        FROM task_items i WHERE i.batch_id = ${b.id}`);
      expect(counts).toHaveLength(10);
      for (const c of counts) {
        expect(c.answers_count).toBe(3);
        expect(Number(c.n)).toBe(3);
      }
      const repeats = await rows<{ n: string }>(
        sql`SELECT count(*) AS n FROM (SELECT item_id, worker_ref FROM task_assignments WHERE batch_id = ${b.id} GROUP BY 1, 2 HAVING count(*) > 1) x`,
      );
      expect(Number(repeats[0]!.n)).toBe(0);
    });

    it('gives back the open lease, and lets another worker take an item whose lease expired', async () => {
      const b = await makeBatch(t, host, { projectId: projectId, body: { ...CATS_OR_DOGS, overlap: 1, leaseSeconds: 60 } });
      await upload(t, host, b.id, itemsCsv(1));
      await publish(t, host, b.id);
      const [w1, w2] = [await t.signup('Slow'), await t.signup('Quick')];
      const first = (await lease(t, w1, b.id)).json();
      expect((await lease(t, w1, b.id)).json().id).toBe(first.id);
      expect((await lease(t, w2, b.id)).statusCode).toBe(204);
      t.clock.advance(61_000);
      const second = await lease(t, w2, b.id);
      expect(second.statusCode).toBe(201);
      expect(second.json().item.id).toBe(first.item.id);
      const late = await submit(t, w1, first.id, 'cat');
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('lease_expired');
      expect((await submit(t, w2, second.json().id, 'dog')).statusCode).toBe(200);
      // The slow worker is not offered the item again.
      expect((await lease(t, w1, b.id)).statusCode).toBe(204);
    });

    it('skips: the item goes to someone else, never back to the skipper', async () => {
      const b = await makeBatch(t, host, { projectId: projectId, body: { ...CATS_OR_DOGS, overlap: 1 } });
      await upload(t, host, b.id, itemsCsv(1));
      await publish(t, host, b.id);
      const w = await t.signup('Skipper');
      const l = (await lease(t, w, b.id)).json();
      expect((await t.request(w, 'POST', `/api/v1/assignments/${l.id}/skip`, {})).json().status).toBe('skipped');
      expect((await lease(t, w, b.id)).statusCode).toBe(204);
      expect((await lease(t, await t.signup('Other'), b.id)).statusCode).toBe(201);
    });

    it('refuses leases on a draft or paused batch and bad answers on submit', async () => {
      const b = await makeBatch(t, host, { projectId: projectId, body: CATS_OR_DOGS });
      await upload(t, host, b.id, itemsCsv(2));
      const w = await t.signup('Eager');
      expect((await lease(t, w, b.id)).statusCode).toBe(404);
      await publish(t, host, b.id);
      const l = (await lease(t, w, b.id)).json();
      const bad = await submit(t, w, l.id, 'horse');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('body.answer');
      const other = await t.signup('Nosy');
      expect((await submit(t, other, l.id, 'cat')).statusCode).toBe(404);
      await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/pause`, {});
      expect((await lease(t, await t.signup('Late'), b.id)).json().error.code).toBe('batch_not_open');
    });
  });

  describe('dynamic overlap', () => {
    it('stops at the minimum when answers agree, asks more when they do not, up to the maximum', async () => {
      const b = await makeBatch(t, host, {
        projectId: projectId,
        body: { ...CATS_OR_DOGS, overlap: undefined, dynamic: { minOverlap: 2, maxOverlap: 4, confidence: 0.7 } },
      });
      await upload(t, host, b.id, itemsCsv(2));
      await publish(t, host, b.id);
      const answers: Record<string, string[]> = { i1: ['cat', 'cat'], i2: ['cat', 'dog', 'dog', 'cat'] };
      const given: Record<string, number> = { i1: 0, i2: 0 };
      for (let k = 0; k < 10; k++) {
        const w = await t.signup(`Dyn ${k}`);
        const res = await lease(t, w, b.id);
        if (res.statusCode === 204) continue;
        const ext = (await rows<{ external_id: string }>(sql`SELECT external_id FROM task_items WHERE id = ${res.json().item.id}`))[0]!
          .external_id;
        await submit(t, w, res.json().id, answers[ext]![given[ext]!++]);
      }
      const items = await rows<{ external_id: string; answers_count: number; wanted: number }>(
        sql`SELECT external_id, answers_count, wanted FROM task_items WHERE batch_id = ${b.id} ORDER BY external_id`,
      );
      expect(items).toEqual([
        { external_id: 'i1', answers_count: 2, wanted: 2 },
        { external_id: 'i2', answers_count: 4, wanted: 4 },
      ]);
    });
  });

  describe('gold and qualification', () => {
    it('tells the worker after a gold item, and stops a worker below the threshold with the reason', async () => {
      const b = await makeBatch(t, host, {
        projectId: projectId,
        body: { ...CATS_OR_DOGS, overlap: 1, goldRate: 1, qualification: { minGoldAccuracy: 0.6, minGoldAnswers: 2 } },
      });
      await upload(t, host, b.id, itemsCsv(6, { 1: 'cat', 2: 'cat', 3: 'cat' }));
      await publish(t, host, b.id);
      const w = await t.signup('Careless');
      const first = (await lease(t, w, b.id)).json();
      const feedback = (await submit(t, w, first.id, 'dog')).json();
      expect(feedback.gold).toEqual({ correct: false, expected: 'cat' });
      const second = (await lease(t, w, b.id)).json();
      await submit(t, w, second.id, 'dog');
      const refused = await lease(t, w, b.id);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('not_qualified');
      expect(refused.json().error.message).toContain('0%');
      const good = await t.signup('Careful');
      const g = (await lease(t, good, b.id)).json();
      expect((await submit(t, good, g.id, 'cat')).json().gold.correct).toBe(true);
    });
  });
});
