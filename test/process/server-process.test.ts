import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const children: ChildProcess[] = [];

function startServer(env: Record<string, string>) {
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, FOULE_SEED: 'none', FOULE_SCHEDULER: 'off', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Foule is running')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`server exited: ${output}`));
    });
  });
  listening.catch(() => {}); // awaited only by the tests that expect the server to start
  return { child, exited, listening, output: () => output };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('server process', () => {
  it('locks its embedded data folder against a second process and releases it on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foule-proc-'));
    const first = startServer({ FOULE_DATA_DIR: dataDir, PORT: '0' });
    await first.listening;
    expect(fs.existsSync(path.join(dataDir, 'foule.lock'))).toBe(true);

    const second = startServer({ FOULE_DATA_DIR: dataDir, PORT: '0' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by another Foule process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'foule.lock'))).toBe(false);

    // The folder opens again, with its data intact.
    const third = startServer({ FOULE_DATA_DIR: dataDir, PORT: '0' });
    await third.listening;
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('refuses a wrong setting with a message naming it', async () => {
    const bad = startServer({ PORT: 'eighty', FOULE_RATE_LIMIT: 'maybe' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('PORT');
    expect(bad.output()).toContain('FOULE_RATE_LIMIT');
  });
});
