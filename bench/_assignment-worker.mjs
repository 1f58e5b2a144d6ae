// The micro-task workers' loop, in its own thread: each worker leases an item, answers it, and repeats until
// time is up, over its own keep-alive connection (see _http-client.mjs), as the web app does: session cookie
// and CSRF header.
import { parentPort, workerData } from 'node:worker_threads';
import { KeepAliveConnection } from './_http-client.mjs';

const { host, ports, tokens, batchId, seconds, labels } = workerData;
const lat = [];
const leaseLat = [];
const submitLat = [];
const statuses = {};
let cycles = 0;
let firstError = null;
const end = Date.now() + seconds * 1000;

async function worker(token) {
  const connection = new KeepAliveConnection(host, ports[token.k % ports.length]);
  const headers = `content-type: application/json\r\ncookie: foule_session=${token.token}\r\nx-csrf-token: ${token.csrf}\r\n`;
  const call = async (path, body) => {
    const res = await connection.request('POST', `/api/v1${path}`, headers, JSON.stringify(body));
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status >= 400) firstError ??= `${res.status} ${res.body.slice(0, 300)}`;
    return res;
  };
  try {
    while (Date.now() < end) {
      const t0 = performance.now();
      const lease = await call(`/task-batches/${batchId}/assignments`, {});
      const t1 = performance.now();
      leaseLat.push(t1 - t0);
      if (lease.status === 204) return;
      if (lease.status !== 201) continue;
      const { id } = JSON.parse(lease.body);
      const submitted = await call(`/assignments/${id}/submit`, { answer: labels[(token.k + cycles) % labels.length] });
      const t2 = performance.now();
      submitLat.push(t2 - t1);
      if (submitted.status === 200) {
        cycles++;
        lat.push(t2 - t0);
      }
    }
  } catch (e) {
    firstError ??= String(e);
  } finally {
    connection.close();
  }
}

const started = performance.now();
await Promise.all(tokens.map((t) => worker(t)));
parentPort.postMessage({ cycles, seconds: (performance.now() - started) / 1000, lat, leaseLat, submitLat, statuses, firstError });
