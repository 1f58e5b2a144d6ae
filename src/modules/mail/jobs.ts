import type { Job } from '../../jobs/types.js';
import { purgeIdempotencyKeys } from '../../http/idempotency.js';
import { deliverOutbox } from './service.js';

export const jobs: Job[] = [
  { name: 'mail.deliver', intervalMs: 2000, run: (ctx) => deliverOutbox(ctx) },
  { name: 'idempotency.purge', intervalMs: 3600_000, run: (ctx) => purgeIdempotencyKeys(ctx) },
];
