import { loadConfig, ConfigError } from './config.js';
import { DataDirLockedError } from './db/client.js';
import { buildApp } from './app.js';
import { openContext } from './bootstrap.js';
import { startScheduler } from './jobs/scheduler.js';
import { moduleJobs } from './modules/index.js';
import { ensureOperator } from './modules/accounts/service.js';
import { seedDemoIfEmpty } from './seed/demo.js';

async function main() {
  const config = loadConfig();
  const ctx = await openContext(config);
  const app = await buildApp(ctx, { logger: { level: config.LOG_LEVEL } });
  if (config.FOULE_ADMIN_EMAIL && config.FOULE_ADMIN_PASSWORD) {
    await ensureOperator(ctx, config.FOULE_ADMIN_EMAIL, config.FOULE_ADMIN_PASSWORD);
    app.log.info(`operator account ready: ${config.FOULE_ADMIN_EMAIL}`);
  }
  if (config.FOULE_SEED === 'demo') {
    const seeded = await seedDemoIfEmpty(ctx);
    if (seeded) {
      console.log('\nDemo data created. Sign in with any of these (password for all: %s):', seeded.password);
      for (const login of seeded.logins) console.log(`  ${login.email.padEnd(28)} ${login.description}`);
      console.log('');
    }
  }
  const stopScheduler = config.FOULE_SCHEDULER === 'on' ? startScheduler(ctx, moduleJobs, app.log) : async () => {};
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    await stopScheduler();
    await app.close();
    await ctx.database.close(); // an unclosed PGlite keeps its folder locked and Node alive
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(
    `Foule is running on http://localhost:${config.PORT} (${ctx.database.kind === 'postgres' ? 'PostgreSQL' : `embedded database in ${config.FOULE_DATA_DIR}`})`,
  );
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
