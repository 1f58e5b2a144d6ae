import { describe, expect, it } from 'vitest';
import { openTestApp, type TestUser } from '../../../test/support/test-app.js';
import { campaignFixture } from '../../../test/support/fixtures.js';
import { comment } from './test-helpers.js';

const t = await openTestApp();
const stranger = await t.signup('Stranger');

const feed = async (as: TestUser | null, projectId: string) => {
  const res = await t.request(as, 'GET', `/api/v1/projects/${projectId}/activity?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { kind: string; subject: string | null; data: Record<string, unknown> }[];
};

describe('visibility of what belongs to a draft', () => {
  it('keeps comments on draft campaigns and batches out of the feed and threads of all but the hosts, until published', async () => {
    const f = await campaignFixture(t, { draft: true });
    const host = f.host;
    const batch = await t.request(host, 'POST', `/api/v1/projects/${f.projectId}/task-batches`, {
      title: 'Secret batch',
      instructions: 'Not yet',
      answer: { kind: 'label', labels: ['a', 'b'] },
      overlap: 1,
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const batchId = batch.json().id as string;
    const onCampaign = (await comment(t, host, `campaign:${f.campaignId}`, 'Secret pricing plan')).id as string;
    const onBatch = (await comment(t, host, `batch:${batchId}`, 'Secret batch plan')).id as string;
    await comment(t, host, `project:${f.projectId}`, 'Hello, crowd');

    const leaked = (items: { data: Record<string, unknown> }[]) => JSON.stringify(items).match(/Secret|cmp_|tb_/g) ?? [];
    for (const viewer of [stranger, null]) {
      const items = await feed(viewer, f.projectId);
      expect(items.map((i) => i.data.excerpt).filter(Boolean)).toEqual(['Hello, crowd']);
      expect(leaked(items)).toEqual([]);
      for (const subject of [`campaign:${f.campaignId}`, `batch:${batchId}`]) {
        expect((await t.request(viewer, 'GET', `/api/v1/comments?subject=${subject}`)).statusCode).toBe(404);
      }
      for (const id of [onCampaign, onBatch]) expect((await t.request(viewer, 'GET', `/api/v1/comments/${id}`)).statusCode).toBe(404);
    }
    const hostFeed = await feed(host, f.projectId);
    expect(hostFeed.map((i) => i.data.excerpt).filter(Boolean)).toEqual(['Hello, crowd', 'Secret batch plan', 'Secret pricing plan']);

    // Published, the batch's comments show in the feed (the rule is applied when the feed is read).
    expect(
      (await t.request(host, 'POST', `/api/v1/task-batches/${batchId}/items`, 'externalId,url\n1,x\n', { 'content-type': 'text/csv' }))
        .statusCode,
    ).toBe(201);
    expect((await t.request(host, 'POST', `/api/v1/task-batches/${batchId}/publish`)).statusCode).toBe(200);
    const after = await feed(stranger, f.projectId);
    expect(after.map((i) => i.data.excerpt).filter(Boolean)).toEqual(['Hello, crowd', 'Secret batch plan']);
    expect(after.find((i) => i.data.excerpt === 'Secret batch plan')).toMatchObject({ kind: 'comment', data: { on: `batch:${batchId}` } });
    expect((await t.request(stranger, 'GET', `/api/v1/comments?subject=batch:${batchId}`)).json().total).toBe(1);
  });
});

describe('visibility of what belongs to a hidden project', () => {
  it('takes its notifications (and their unread count) away from all but its hosts, and gives them back once shown again', async () => {
    const f = await campaignFixture(t, { draft: true });
    const follower = await t.signup('Follower');
    expect((await t.request(follower, 'POST', `/api/v1/projects/${f.projectId}/follow`)).statusCode).toBe(200);
    expect((await t.request(f.host, 'POST', `/api/v1/campaigns/${f.campaignId}/launch`)).statusCode).toBe(200);
    const before = (await t.request(follower, 'GET', '/api/v1/notifications')).json();
    expect(before.items.map((n: { kind: string }) => n.kind)).toEqual(['campaign_launched']);
    expect(before.unread).toBe(1);

    const operator = await t.operator();
    expect((await t.request(operator, 'POST', `/api/v1/projects/${f.projectId}/hide`, { reason: 'scam' })).statusCode).toBe(200);
    const hidden = (await t.request(follower, 'GET', '/api/v1/notifications')).json();
    expect(hidden).toMatchObject({ items: [], unread: 0 });
    // Its owner still sees what happened, hiding included.
    const owner = (await t.request(f.host, 'GET', '/api/v1/notifications')).json();
    expect(owner.items.map((n: { kind: string }) => n.kind)).toContain('project_hidden');

    expect((await t.request(operator, 'POST', `/api/v1/projects/${f.projectId}/unhide`, {})).statusCode).toBe(200);
    expect((await t.request(follower, 'GET', '/api/v1/notifications')).json()).toMatchObject({
      unread: 1,
      items: [{ kind: 'campaign_launched' }],
    });
  });
});
