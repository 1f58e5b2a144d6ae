import type { AppContext } from '../context.js';
import type { Job } from './types.js';

export interface Logger {
  error(obj: unknown, msg?: string): void;
}

/**
 * Runs each job every `intervalMs`, one run of a job at a time, until stopped.
 * Every server process runs the scheduler; jobs claim their rows so processes share the work.
 */
export function startScheduler(ctx: AppContext, jobs: Job[], log: Logger): () => Promise<void> {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  for (const job of jobs) {
    const tick = () => {
      if (stopped) return;
      const run = job
        .run(ctx)
        .catch((err) => log.error({ err, job: job.name }, 'job failed'))
        .finally(() => {
          running.delete(run);
          if (!stopped) timers.add(setTimeout(tick, job.intervalMs));
        });
      running.add(run);
    };
    timers.add(setTimeout(tick, Math.min(job.intervalMs, 1000)));
  }
  return async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    await Promise.allSettled([...running]);
  };
}

/** Runs every job once, in order (the CLI and tests use it). */
export async function runJobsOnce(ctx: AppContext, jobs: Job[]): Promise<void> {
  for (const job of jobs) await job.run(ctx);
}
