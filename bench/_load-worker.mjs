// A load generator in its own thread (so it does not share the server's event loop): either pledges over
// HTTP from many clients, or bare one-row INSERT transactions straight to PostgreSQL from many clients.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';

const { mode, connections, durationMs } = workerData;
const latencies = [];
const statuses = {};
let count = 0;
let firstError = null;

async function httpLoad() {
  const { host, ports, path, people, body, method = 'POST' } = workerData;
  // One keep-alive pool per server instance; person i goes to instance i mod n, as a load balancer would spread them.
  const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: connections }));
  let next = 0;
  const end = Date.now() + durationMs;
  const one = (person, i) =>
    new Promise((resolve) => {
      const payload = method === 'GET' ? '' : JSON.stringify(body);
      const started = performance.now();
      const req = http.request(
        {
          host,
          port: ports[i % ports.length],
          path,
          method,
          agent: agents[i % ports.length],
          headers: {
            ...(method === 'GET' ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            cookie: `foule_session=${person.token}`,
            'x-csrf-token': person.csrf,
            'idempotency-key': randomUUID(),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => {
            latencies.push(performance.now() - started);
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            if (res.statusCode < 300) count++;
            else firstError ??= `${res.statusCode} ${text}`;
            resolve();
          });
        },
      );
      req.on('error', (e) => {
        firstError ??= String(e);
        resolve();
      });
      req.end(payload);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end && next < people.length) {
        const i = next++;
        await one(people[i], i);
      }
    }),
  );
  for (const agent of agents) agent.destroy();
}

async function insertLoad() {
  const pool = new pg.Pool({ connectionString: workerData.url, max: connections });
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        await pool.query('INSERT INTO bench_bare (k, amount) VALUES ($1, $2)', [randomUUID(), 2500]);
        latencies.push(performance.now() - started);
        count++;
      }
    }),
  );
  await pool.end();
}

const started = performance.now();
await (mode === 'http' ? httpLoad() : insertLoad());
const seconds = (performance.now() - started) / 1000;
parentPort.postMessage({ count, seconds, latencies, statuses, firstError });
