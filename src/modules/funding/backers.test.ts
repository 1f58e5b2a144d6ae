import { describe, expect, it } from 'vitest';
import { openTestApp } from '../../../test/support/test-app.js';
import { campaigns, pledges } from '../../db/schema/funding.js';
import { newId } from '../../lib/ids.js';
import { backerUserIds, isBacker } from './backers.js';

const t = await openTestApp();

describe('backers', () => {
  it('lists the people with a pending or collected pledge on any of the project campaigns, once each', async () => {
    const host = await t.signup('Host');
    const res = await t.request(host, 'POST', '/api/v1/projects', { title: 'Backed thing', summary: 's', category: 'design' });
    expect(res.statusCode).toBe(201);
    const projectId = res.json().id as string;
    const [a, b, c, d] = [await t.signup('A'), await t.signup('B'), await t.signup('C'), await t.signup('D')];
    const campaignId = newId('cmp');
    await t.ctx.db.insert(campaigns).values({
      id: campaignId,
      projectId,
      hostOwner: `user:${host.id}`,
      title: 'c',
      currency: 'EUR',
      goal: 1000,
      model: 'donation',
      deadline: new Date(Date.now() + 86400_000),
      status: 'live',
      createdBy: host.id,
    });
    const pledge = (backerId: string, status: 'pending' | 'collected' | 'cancelled' | 'voided') => ({
      id: newId('plg'),
      campaignId,
      backerId,
      amount: 500,
      currency: 'EUR',
      status,
      single: false,
      provider: 'test',
      methodToken: 'pm',
      methodLabel: 'Visa 4242',
    });
    await t.ctx.db
      .insert(pledges)
      .values([
        pledge(a.id, 'pending'),
        pledge(a.id, 'collected'),
        pledge(b.id, 'collected'),
        pledge(c.id, 'cancelled'),
        pledge(d.id, 'voided'),
      ]);
    expect((await backerUserIds(t.ctx.db, projectId)).sort()).toEqual([a.id, b.id].sort());
    expect(await isBacker(t.ctx.db, projectId, a.id)).toBe(true);
    expect(await isBacker(t.ctx.db, projectId, c.id)).toBe(false);
    expect(await isBacker(t.ctx.db, projectId, host.id)).toBe(false);
    expect(await backerUserIds(t.ctx.db, 'prj_none')).toEqual([]);
  });
});
