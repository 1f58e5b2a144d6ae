import { z } from 'zod';

/** Every setting, read from the environment and validated once at start. */
export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  FOULE_DATA_DIR: z.string().min(1).default('./data'),
  FOULE_SEED: z.enum(['demo', 'none']).default('demo'),
  FOULE_ADMIN_EMAIL: z.string().email().optional(),
  FOULE_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Foule <no-reply@foule.local>'),
  FOULE_RATE_LIMIT: z.enum(['on', 'off']).default('on'),
  FOULE_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  FOULE_PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(5000).default(500),
  FOULE_PAYMENT_FEE_BPS: z.coerce.number().int().min(0).max(5000).default(290),
  FOULE_PAYMENT_FEE_FIXED: z.coerce.number().int().min(0).max(10000).default(30),
  FOULE_SCHEDULER: z.enum(['on', 'off']).default('on'),
  FOULE_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9A-Za-z.:/, -]+)$/, 'must be true, false, or addresses and CIDRs separated by commas (loopback, 10.0.0.0/8, …)')
    .default('loopback'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ZConfig>;

export class ConfigError extends Error {}

/**
 * Parses settings from an environment, naming every wrong value.
 * @example loadConfig({ PORT: '8080' }).PORT === 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZConfig.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  if (parsed.data.FOULE_ADMIN_EMAIL && !parsed.data.FOULE_ADMIN_PASSWORD) {
    throw new ConfigError('Invalid settings:\n  FOULE_ADMIN_PASSWORD: required when FOULE_ADMIN_EMAIL is set');
  }
  return parsed.data;
}
