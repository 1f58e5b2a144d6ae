import { pgTable, text, integer, boolean } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../columns.js';

export const projects = pgTable('projects', {
  id: id(),
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
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
