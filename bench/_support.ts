// Helpers shared by the benchmarks: more server instances in worker threads, and CPU readings of the machine
// and of PostgreSQL's processes.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { type Config, loadConfig } from '../src/config.js';

/**
 * The settings every benchmark's server runs with: its own database, no rate limits, no scheduler, no demo, no logs
 * (`extra` adds or overrides settings, e.g. the environment).
 * @example const config = benchConfig(url.toString())
 */
export function benchConfig(databaseUrl: string, extra: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    ...extra,
    DATABASE_URL: databaseUrl,
    FOULE_RATE_LIMIT: 'off',
    FOULE_SCHEDULER: 'off',
    FOULE_SEED: 'none',
    LOG_LEVEL: 'silent',
  });
}

/** One more server instance in a worker thread (bench/_server-thread.ts); resolves with its port and a stop function. */
export function extraServer(url: string, poolSize: number): Promise<{ port: number; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./_server-worker.mjs', import.meta.url), { workerData: { url, poolSize } });
    worker.once('error', reject);
    worker.once('message', ({ port }: { port: number }) =>
      resolve({
        port,
        stop: () =>
          new Promise<void>((done) => {
            worker.once('exit', () => done());
            worker.postMessage('close');
          }),
      }),
    );
  });
}

/** Busy share of the machine's CPUs between two readings of /proc/stat (NaN elsewhere). */
export function cpuTimes(): { busy: number; total: number } {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = line[3]! + (line[4] ?? 0);
    const total = line.reduce((x, y) => x + y, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** CPU time used so far by PostgreSQL's processes on this machine, in ms (NaN where /proc is not readable). */
export function postgresCpuMs(): number {
  try {
    const tick = 10; // ms per clock tick (USER_HZ 100)
    let ticks = 0;
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime, plus cutime and cstime: the postmaster's count of its ended children, so that a
        // backend whose connection closed during the run (an idle pool connection) is still counted.
        ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      } catch {
        /* the process ended meanwhile */
      }
    }
    return ticks * tick;
  } catch {
    return NaN;
  }
}

/** Runs fn and reports the machine's busy share (percent of all cores) meanwhile. */
export async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; busy: number }> {
  const a = cpuTimes();
  const result = await fn();
  const b = cpuTimes();
  return { result, busy: (100 * (b.busy - a.busy)) / (b.total - a.total) };
}
