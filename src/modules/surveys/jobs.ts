import type { Job } from '../../jobs/types.js';

export const jobs: Job[] = [];
