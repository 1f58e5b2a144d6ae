import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp } from '../../../test/support/test-app.js';
import { newId } from '../../lib/ids.js';
import { PledgeWriter, type PledgeToWrite, pledgeToWrite } from './pledge-writer.js';
import type { Pledge } from './pledge-queries.js';
import { campaignFixture } from '../../../test/support/fixtures.js';
import { scalar } from '../../../test/support/sql.js';

const t = await openTestApp();

function pledgeRow(campaignId: string, backerId: string, over: Partial<PledgeToWrite> = {}): Pledge {
  const now = t.clock.now();
  return pledgeToWrite({
    id: newId('plg'),
    campaignId,
    tierId: null,
    backerId,
    amount: 1000,
    currency: 'EUR',
    shippingCountry: null,
    shippingCost: 0,
    status: 'pending',
    single: true,
    idempotencyKey: newId('key'),
    requestHash: 'h',
    firstAnswer: '{}',
    provider: 'test',
    methodToken: 'pm_test_4242_x',
    methodLabel: 'Visa •••• 4242',
    chargeSeq: 0,
    leaseUntil: null,
    createdAt: now,
    ...over,
  });
}

describe('PledgeWriter', () => {
  describe('write', () => {
    it('writes concurrent pledges together, skipping only the rows its guards refuse, and failing only a bad row', async () => {
      const f = await campaignFixture(t);
      const draft = await campaignFixture(t, { draft: true });
      const writer = new PledgeWriter(t.ctx.database, 1, 64);
      const good = Array.from({ length: 10 }, (_, i) => pledgeRow(f.campaignId, `usr_w${i}_${Date.now()}`));
      const twice = pledgeRow(f.campaignId, good[0]!.backerId);
      const onDraft = pledgeRow(draft.campaignId, 'usr_w_draft');
      const bad = pledgeRow(f.campaignId, 'usr_w_bad', { amount: 0 });
      const results = await Promise.allSettled([...good, twice, onDraft, bad].map((p) => writer.write(p)));
      expect(results.slice(0, 10).every((r) => r.status === 'fulfilled' && r.value === true)).toBe(true);
      expect(results[10]).toEqual({ status: 'fulfilled', value: false });
      expect(results[11]).toEqual({ status: 'fulfilled', value: false });
      expect(results[12]!.status).toBe('rejected');
      expect(await scalar(t, sql`SELECT count(*)::int FROM pledges WHERE campaign_id = ${f.campaignId}`)).toBe(10);
    });
  });
});
