import { pgTable, text, timestamp, integer, boolean, primaryKey } from 'drizzle-orm/pg-core';

export type OrgRole = 'owner' | 'admin' | 'member';

export const orgs = pgTable('orgs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  description: text('description').notNull().default(''),
  website: text('website'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const orgMembers = pgTable(
  'org_members',
  {
    orgId: text('org_id').notNull(),
    userId: text('user_id').notNull(),
    role: text('role').$type<OrgRole>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);

export const projects = pgTable('projects', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull(),
  ownerId: text('owner_id').notNull(),
  orgId: text('org_id'),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  description: text('description').notNull().default(''),
  category: text('category').notNull(),
  coverImageUrl: text('cover_image_url'),
  hidden: boolean('hidden').notNull().default(false),
  followersCount: integer('followers_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
