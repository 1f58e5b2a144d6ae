// A load generator in its own thread (so it does not share the server's event loop): either requests over
// HTTP from many keep-alive connections (see _http-client.mjs for why a minimal client), or bare one-row INSERT
// transactions straight to PostgreSQL from many clients.
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { KeepAliveConnection } from './_http-client.mjs';

const { mode, connections, durationMs } = workerData;

/** Percentiles of a list of latencies (ms). */
function percentiles(latencies) {
  const s = Float64Array.from(latencies).sort();
  const at = (p) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN);
  return { p50: at(0.5), p99: at(0.99) };
}

async function httpLoad() {
  const { host, ports, path, people, body, method = 'POST' } = workerData;
  const payload = method === 'GET' ? undefined : JSON.stringify(body);
  const type = payload === undefined ? '' : 'content-type: application/json\r\n';
  const latencies = [];
  const statuses = {};
  let count = 0;
  let next = 0;
  let firstError = null;
  const end = Date.now() + durationMs;
  const started = performance.now();
  // Each request is a different person (session cookie, CSRF header) with a fresh Idempotency-Key; client c
  // talks to instance c mod n, as a load balancer would spread them.
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const connection = new KeepAliveConnection(host, ports[c % ports.length]);
      try {
        while (Date.now() < end && next < people.length) {
          const person = people[next++];
          const headers = `${type}cookie: foule_session=${person.token}\r\nx-csrf-token: ${person.csrf}\r\nidempotency-key: ${randomUUID()}\r\n`;
          const t0 = performance.now();
          const res = await connection.request(method, path, headers, payload);
          latencies.push(performance.now() - t0);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status < 300) count++;
          else firstError ??= `${res.status} ${res.body}`;
        }
      } catch (e) {
        firstError ??= String(e);
      } finally {
        connection.close();
      }
    }),
  );
  return { count, seconds: (performance.now() - started) / 1000, ...percentiles(latencies), statuses, firstError, peopleUsed: next };
}

async function insertLoad() {
  const pool = new pg.Pool({ connectionString: workerData.url, max: connections });
  const latencies = [];
  let count = 0;
  const started = performance.now();
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        await pool.query('INSERT INTO bench_bare (k, amount) VALUES ($1, $2)', [randomUUID(), 2500]);
        latencies.push(performance.now() - t0);
        count++;
      }
    }),
  );
  await pool.end();
  return { count, seconds: (performance.now() - started) / 1000, ...percentiles(latencies), statuses: {}, firstError: null };
}

parentPort.postMessage(await (mode === 'http' ? httpLoad() : insertLoad()));
