// One more identical Foule server in its own thread (as behind a load balancer): same database, own pool.
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { buildApp } from '../src/app.js';
import { systemClock, type AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { benchConfig } from './_support.js';

const { url, poolSize } = workerData as { url: string; poolSize: number };
const database = await openDatabase({ databaseUrl: url, poolSize });
const config = benchConfig(url);
const ctx: AppContext = { database, db: database.db, config, clock: systemClock };
const app = await buildApp(ctx);
await app.listen({ host: '127.0.0.1', port: 0 });
parentPort!.postMessage({ port: (app.server.address() as AddressInfo).port });
parentPort!.on('message', async () => {
  await app.close();
  await database.close();
  parentPort!.postMessage({ closed: true });
  process.exit(0);
});
