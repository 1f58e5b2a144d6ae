import type { Job } from '../../jobs/types.js';
import { autoApprove } from './review.js';

export const jobs: Job[] = [
  // Unreviewed answers are approved (and paid) once their batch's delay has passed.
  { name: 'tasks.auto-approve', intervalMs: 60_000, run: (ctx) => autoApprove(ctx) },
];
