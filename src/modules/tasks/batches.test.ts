import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { items, makeBatch, makeProject, upload } from '../../../test/support/fixtures.js';
import { openTestApp } from '../../../test/support/test-app.js';

const t = await openTestApp();
const host = await t.signup('Host');
const stranger = await t.signup('Stranger');

describe('TaskBatches', () => {
  describe('create', () => {
    it('creates a draft with instructions rendered safely, only for hosts', async () => {
      const projectId = (await makeProject(t, host)).id;
      const body = {
        title: 'Birds',
        instructions: 'Look **closely** <script>x()</script>',
        answer: { kind: 'label', labels: ['a', 'b'] },
        overlap: 2,
        reward: { amount: 5, currency: 'EUR' },
      };
      const res = await t.request(host, 'POST', `/api/v1/projects/${projectId}/task-batches`, body);
      expect(res.statusCode).toBe(201);
      const b = res.json();
      expect(b).toMatchObject({
        status: 'draft',
        overlap: 2,
        dynamic: null,
        reward: { amount: 5, currency: 'EUR' },
        projectId,
        isHost: true,
      });
      expect(b.instructionsHtml).toContain('<strong>closely</strong>');
      expect(b.instructionsHtml).not.toContain('script');
      expect((await t.request(stranger, 'POST', `/api/v1/projects/${projectId}/task-batches`, body)).statusCode).toBe(403);
      expect((await t.request(null, 'POST', `/api/v1/projects/${projectId}/task-batches`, body)).statusCode).toBe(401);
      // drafts are the hosts' alone
      expect((await t.request(stranger, 'GET', `/api/v1/task-batches/${b.id}`)).statusCode).toBe(404);
      expect((await t.request(host, 'GET', `/api/v1/task-batches/${b.id}`)).json().title).toBe('Birds');
      const mine = await t.request(host, 'GET', `/api/v1/projects/${projectId}/task-batches`);
      expect(mine.json().items.map((x: { id: string }) => x.id)).toEqual([b.id]);
      expect((await t.request(stranger, 'GET', `/api/v1/projects/${projectId}/task-batches`)).json().items).toEqual([]);
    });

    it('accepts dynamic overlap', async () => {
      const { id } = await makeBatch(t, host, { body: { overlap: undefined, dynamic: { minOverlap: 2, maxOverlap: 5, confidence: 0.7 } } });
      expect((await t.request(host, 'GET', `/api/v1/task-batches/${id}`)).json()).toMatchObject({
        overlap: null,
        dynamic: { minOverlap: 2, maxOverlap: 5, confidence: 0.7 },
      });
    });

    it.each([
      [{ title: '' }, 'body.title'],
      [{ answer: { kind: 'label', labels: ['only'] } }, 'body.answer.labels'],
      [{ answer: { kind: 'label', labels: ['a', 'a'] } }, 'body.answer.labels'],
      [{ answer: { kind: 'emoji' } }, 'body.answer.kind'],
      [{ answer: { kind: 'number', labels: ['a', 'b'] } }, 'body.answer.labels'],
      [{ overlap: 0 }, 'body.overlap'],
      [{ overlap: undefined }, 'body.overlap'],
      [{ dynamic: { minOverlap: 3, maxOverlap: 2, confidence: 0.8 } }, 'body.overlap'],
      [{ overlap: undefined, dynamic: { minOverlap: 3, maxOverlap: 2, confidence: 0.8 } }, 'body.dynamic.maxOverlap'],
      [{ reward: { amount: 1.5, currency: 'EUR' } }, 'body.reward.amount'],
      [{ reward: { amount: 5, currency: 'XXX' } }, 'body.reward.currency'],
      [{ goldRate: 1.5 }, 'body.goldRate'],
      [{ qualification: { minGoldAccuracy: 2, minGoldAnswers: 3 } }, 'body.qualification.minGoldAccuracy'],
      [{ leaseSeconds: 1 }, 'body.leaseSeconds'],
    ])('answers 400 naming the field for %j', async (patch, field) => {
      const projectId = (await makeProject(t, host)).id;
      const body = { title: 'X', answer: { kind: 'label', labels: ['a', 'b'] }, overlap: 2, ...patch };
      const res = await t.request(host, 'POST', `/api/v1/projects/${projectId}/task-batches`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('uploadItems', () => {
    it('takes CSV with externalId and gold columns; the rest is the item data', async () => {
      const { id } = await makeBatch(t, host);
      const csv = 'externalId,url,caption,gold\n1,https://x/1.jpg,"a cat, sleeping",cat\n2,https://x/2.jpg,dog?,\n';
      const res = await upload(t, host, id, csv, 'text/csv');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ inserted: 2, total: 2 });
      expect((await t.request(host, 'GET', `/api/v1/task-batches/${id}`)).json()).toMatchObject({ itemsCount: 2, goldCount: 1 });
    });

    it('reports bad CSV rows by line and field and inserts nothing', async () => {
      const { id } = await makeBatch(t, host);
      const csv = 'externalId,url,gold\n1,https://x/1.jpg,cat\n2,https://x/2.jpg,horse\n1,https://x/3.jpg,\n';
      const res = await upload(t, host, id, csv, 'text/csv');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_rows');
      expect(res.json().error.details).toEqual([
        { line: 3, field: 'gold', message: expect.stringContaining('horse') },
        { line: 4, field: 'externalId', message: expect.stringContaining('twice') },
      ]);
      expect((await t.request(host, 'GET', `/api/v1/task-batches/${id}`)).json().itemsCount).toBe(0);
    });

    it('reports a malformed CSV with its line', async () => {
      const { id } = await makeBatch(t, host);
      const res = await upload(t, host, id, 'externalId,url\n1,"unclosed\n', 'text/csv');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'csv' });
    });

    it('takes JSON Lines and reports bad lines (not JSON, not an object, bad gold, no data)', async () => {
      const { id } = await makeBatch(t, host, { body: { answer: { kind: 'number' } } });
      const good = await upload(
        t,
        host,
        id,
        '{"externalId":"a","text":"2+2","gold":4}\n\n{"externalId":"b","text":"3+3"}\n',
        'application/x-ndjson',
      );
      expect(good.json()).toEqual({ inserted: 2, total: 2 });
      const bad = await upload(t, host, id, '{"externalId":"c","text":"x"}\n{oops\n[1]\n', 'application/x-ndjson');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([
        { line: 2, field: 'line', message: 'is not valid JSON' },
        { line: 3, field: 'line', message: 'must be a JSON object' },
      ]);
      const bad2 = await upload(
        t,
        host,
        id,
        '{"externalId":"a","text":"dup"}\n{"externalId":"d","gold":"four","text":"x"}\n{"externalId":"e"}\n',
        'application/x-ndjson',
      );
      expect(bad2.json().error.details.map((d: { line: number; field: string }) => `${d.line}:${d.field}`)).toEqual([
        '1:externalId',
        '2:gold',
        '3:data',
      ]);
      expect((await t.request(host, 'GET', `/api/v1/task-batches/${id}`)).json().itemsCount).toBe(2);
    });

    it('lists the first 50 problems only', async () => {
      const { id } = await makeBatch(t, host);
      const body = items(80, () => ({ gold: 'horse' }))
        .map((i) => JSON.stringify(i))
        .join('\n');
      const res = await upload(t, host, id, body, 'application/x-ndjson');
      expect(res.json().error.details).toHaveLength(50);
      expect(res.json().error.message).toMatch(/^80 problems/);
    });

    it('refuses strangers, other content types and published batches', async () => {
      const { id } = await makeBatch(t, host, { items: items(2), publish: true });
      expect((await upload(t, stranger, id, 'externalId,url\n9,x\n', 'text/csv')).statusCode).toBe(403);
      const { id: draft } = await makeBatch(t, host);
      const wrongType = await t.request(host, 'POST', `/api/v1/task-batches/${draft}/items`, { url: 'x' });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json().error.details[0].field).toBe('header.content-type');
      expect((await upload(t, host, id, 'externalId,url\n9,x\n', 'text/csv')).json().error.code).toBe('batch_not_draft');
    });
  });

  describe('publish, pause, close', () => {
    it('needs items, then opens, pauses and resumes', async () => {
      const { id } = await makeBatch(t, host);
      expect((await t.request(host, 'POST', `/api/v1/task-batches/${id}/publish`)).json().error.code).toBe('batch_empty');
      await upload(t, host, id, 'externalId,url\n1,x\n', 'text/csv');
      // A draft does not exist for strangers: 404, never 403, whatever they try.
      for (const [method, path] of [
        ['POST', 'publish'],
        ['POST', 'pause'],
        ['POST', 'close'],
        ['GET', 'results'],
        ['GET', 'results.csv'],
        ['GET', 'results.json'],
        ['GET', 'workers'],
        ['GET', 'submissions'],
      ] as const) {
        const res = await t.request(stranger, method, `/api/v1/task-batches/${id}/${path}`);
        expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(404);
        expect(res.json().error.code).toBe('batch_not_found');
      }
      expect((await upload(t, stranger, id, 'externalId,url\n9,x\n', 'text/csv')).statusCode).toBe(404);
      expect((await t.request(host, 'POST', `/api/v1/task-batches/${id}/publish`)).json().status).toBe('published');
      // Once they can see it, what they may not do is a 403.
      expect((await t.request(stranger, 'POST', `/api/v1/task-batches/${id}/pause`)).statusCode).toBe(403);
      expect((await t.request(stranger, 'GET', `/api/v1/task-batches/${id}/results.csv`)).statusCode).toBe(403);
      expect((await t.request(stranger, 'GET', `/api/v1/task-batches/${id}`)).json().status).toBe('published');
      expect((await t.request(host, 'POST', `/api/v1/task-batches/${id}/pause`)).json().status).toBe('paused');
      expect((await t.request(stranger, 'POST', `/api/v1/task-batches/${id}/assignments`)).json().error.code).toBe('batch_not_open');
      expect((await t.request(host, 'POST', `/api/v1/task-batches/${id}/publish`)).json().status).toBe('published');
      expect((await t.request(host, 'POST', `/api/v1/task-batches/${id}/close`)).json()).toMatchObject({ status: 'closed', returned: 0 });
      expect((await t.request(host, 'POST', `/api/v1/task-batches/${id}/publish`)).json().error.code).toBe('batch_closed');
    });

    it('takes no lease and no answer once another server paused or closed the batch, whatever this one remembers', async () => {
      const { id } = await makeBatch(t, host);
      await upload(t, host, id, 'externalId,url\n1,x\n2,y\n', 'text/csv');
      await t.request(host, 'POST', `/api/v1/task-batches/${id}/publish`);
      const leased = await t.request(stranger, 'POST', `/api/v1/task-batches/${id}/assignments`);
      expect(leased.statusCode).toBe(201);
      // Another instance pauses, then closes the batch: this process still holds the published row for a moment.
      await t.ctx.db.execute(sql`UPDATE task_batches SET status = 'paused' WHERE id = ${id}`);
      const other = await t.signup('Late worker');
      // The statement leases nothing, and the worker learns why, as from the server that paused it.
      const late = await t.request(other, 'POST', `/api/v1/task-batches/${id}/assignments`);
      expect(late.statusCode, late.body).toBe(409);
      expect(late.json().error.code).toBe('batch_not_open');
      await t.ctx.db.execute(sql`UPDATE task_batches SET status = 'closed' WHERE id = ${id}`);
      const answer = await t.request(stranger, 'POST', `/api/v1/assignments/${leased.json().id}/submit`, { answer: 'cat' });
      expect(answer.statusCode).toBe(409);
      expect(answer.json().error.code).toBe('batch_closed');
      const [row] = (
        (await t.ctx.db.execute(sql`SELECT status, review FROM task_assignments WHERE id = ${leased.json().id}`)) as unknown as {
          rows: { status: string; review: string }[];
        }
      ).rows;
      expect(row).toEqual({ status: 'leased', review: 'none' });
    });
  });
});
