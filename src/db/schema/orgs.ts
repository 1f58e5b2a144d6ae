import { pgTable, text, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns.js';

// Owned by the orgs module.

export type OrgRole = 'owner' | 'admin' | 'member';

export const orgs = pgTable('orgs', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  description: text('description').notNull().default(''),
  website: text('website'),
  createdAt: createdAt(),
});

export const orgMembers = pgTable(
  'org_members',
  {
    orgId: text('org_id').notNull(),
    userId: text('user_id').notNull(),
    role: text('role').$type<OrgRole>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);
