import type { AppContext } from '../context.js';

/** A periodic job. Jobs must be safe to run twice at once (claim rows with FOR UPDATE SKIP LOCKED). */
export interface Job {
  name: string;
  intervalMs: number;
  run(ctx: AppContext): Promise<unknown>;
}
