import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../columns.js';

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  name: text('name').notNull(),
  bio: text('bio').notNull().default(''),
  locale: text('locale').notNull().default('en'),
  role: text('role').$type<'member' | 'operator'>().notNull().default('member'),
  createdAt: createdAt(),
  /** When the account was erased (migration 0062): the row is kept anonymised, see modules/privacy. */
  deletedAt: timestamptz('deleted_at'),
});

export const sessions = pgTable('sessions', {
  id: id(),
  tokenHash: text('token_hash').notNull(),
  userId: text('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: timestamptz('expires_at').notNull(),
  createdAt: createdAt(),
});

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  userId: text('user_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  tokenPrefix: text('token_prefix').notNull(),
  lastUsedAt: timestamptz('last_used_at'),
  createdAt: createdAt(),
});

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull(),
  expiresAt: timestamptz('expires_at').notNull(),
  usedAt: timestamptz('used_at'),
  createdAt: createdAt(),
});
