import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { openContext } from '../bootstrap.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { AppContext } from '../context.js';
import { DataDirLockedError, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { AppError } from '../http/errors.js';
import { DomainError } from '../lib/errors.js';
import { ensureOperator, findUserByEmail } from '../modules/accounts/service.js';
import { listOutbox } from '../modules/mail/service.js';
import { seedDemoIfEmpty } from '../seed/demo.js';

type Env = Record<string, string | undefined>;

/** Where the data lives, for messages (never the URL: it may hold a password). */
function whereOf(config: Config): string {
  return config.DATABASE_URL
    ? 'the PostgreSQL database of DATABASE_URL'
    : `the embedded database in ${path.resolve(config.FOULE_DATA_DIR)}`;
}

/**
 * Runs a command body, turning the errors an operator can cause (bad settings, a data folder held by a running
 * server, a rule refused) into their message on stderr and exit code 1.
 */
async function guarded(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof AppError || e instanceof DomainError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

/** Opens the configured database (migrated, as the server does on start), runs `body`, and closes it. */
async function withContext(env: Env, body: (ctx: AppContext) => Promise<number>): Promise<number> {
  const ctx = await openContext(loadConfig(env));
  try {
    return await body(ctx);
  } finally {
    await ctx.database.close();
  }
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  return n;
};

const ZOperator = z.object({
  email: z.string().trim().email('must be a valid e-mail address').max(254),
  password: z.string().min(10, 'must be at least 10 characters').max(200),
  name: z.string().trim().min(1, 'must not be empty').max(100),
});

/**
 * Declares the `foule` commands on `program` and runs the one `argv` names; resolves to the exit code.
 * Settings come from the same environment variables as the server (src/config.ts).
 * @example process.exitCode = await runCli(new Command(), ['node', 'foule', 'migrate'])
 */
export async function runCli(program: Command, argv: string[], env: Env = process.env): Promise<number> {
  let code = 0;
  program
    .name('foule')
    .description('Operate a Foule instance. Settings come from the same environment as the server (DATABASE_URL, FOULE_DATA_DIR, …).')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('migrate')
    .description('Apply the database migrations not applied yet')
    .action(async () => {
      code = await guarded(async () => {
        const config = loadConfig(env);
        const database = await openDatabase({
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATABASE_URL ? undefined : path.resolve(config.FOULE_DATA_DIR),
        });
        try {
          const applied = await migrate(database);
          if (!applied.length) console.log(`${whereOf(config)} is up to date.`);
          else
            console.log(
              `Applied ${applied.length} migration${applied.length > 1 ? 's' : ''} to ${whereOf(config)}:\n${applied.map((f) => `  ${f}`).join('\n')}`,
            );
          return 0;
        } finally {
          await database.close();
        }
      });
    });

  program
    .command('seed')
    .description('Create the demo (people, organizations, projects…) in an empty database')
    .action(async () => {
      code = await guarded(() =>
        withContext(env, async (ctx) => {
          const seeded = await seedDemoIfEmpty(ctx);
          if (!seeded) {
            console.log(`${whereOf(ctx.config)} already has accounts: the demo goes only into an empty database. Nothing done.`);
            return 0;
          }
          console.log(`Demo data created in ${whereOf(ctx.config)}. Sign in with any of these (password for all: ${seeded.password}):`);
          for (const login of seeded.logins) console.log(`  ${login.email.padEnd(28)} ${login.description}`);
          return 0;
        }),
      );
    });

  const operator = program.command('operator').description('Operator accounts');
  operator
    .command('create')
    .description('Create an operator account, or make an existing account an operator with this password')
    .requiredOption('--email <email>', 'the e-mail to sign in with')
    .requiredOption('--password <password>', 'at least 10 characters')
    .option('--name <name>', 'the name shown to others', 'Operator')
    .action(async (options: { email: string; password: string; name: string }) => {
      code = await guarded(async () => {
        const parsed = ZOperator.safeParse(options);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
          return 1;
        }
        return withContext(env, async (ctx) => {
          const existed = Boolean(await findUserByEmail(ctx, parsed.data.email));
          await ensureOperator(ctx, parsed.data.email, parsed.data.password, parsed.data.name, 'cli');
          console.log(
            existed ? `${parsed.data.email} is now an operator, with the new password.` : `Operator ${parsed.data.email} created.`,
          );
          return 0;
        });
      });
    });

  program
    .command('outbox')
    .description('List the most recent e-mail (kept here when SMTP_URL is not set), newest first')
    .option('--limit <n>', 'how many', positiveInt, 20)
    .option('--json', 'print JSON instead of text')
    .action(async (options: { limit: number; json?: boolean }) => {
      code = await guarded(() =>
        withContext(env, async (ctx) => {
          const mails = await listOutbox(ctx, options.limit);
          if (options.json) {
            console.log(
              JSON.stringify(
                mails.map((m) => ({
                  id: m.id,
                  to: m.toAddress,
                  subject: m.subject,
                  status: m.status,
                  attempts: m.attempts,
                  createdAt: m.createdAt.toISOString(),
                  sentAt: m.sentAt?.toISOString() ?? null,
                  text: m.bodyText,
                })),
                null,
                2,
              ),
            );
            return 0;
          }
          if (!mails.length) {
            console.log('The outbox is empty.');
            return 0;
          }
          for (const m of mails) {
            console.log(
              `${m.createdAt.toISOString()}  ${m.status.padEnd(7)}  to ${m.toAddress}\n  Subject: ${m.subject}${m.lastError ? `\n  Last error: ${m.lastError}` : ''}`,
            );
            console.log(m.bodyText.replace(/^/gm, '  | '));
          }
          return 0;
        }),
      );
    });

  await program.parseAsync(argv);
  return code;
}
