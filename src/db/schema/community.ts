import { pgTable, text, integer, boolean } from 'drizzle-orm/pg-core';
import { createdAt, id, jsonData, timestamptz } from '../columns.js';

/** Threaded comments on any subject `type:id`; `root_id` is the thread's top comment (itself for a top comment). */
export const comments = pgTable('comments', {
  id: id(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  projectId: text('project_id'),
  rootId: text('root_id').notNull(),
  parentId: text('parent_id'),
  depth: integer('depth').notNull().default(0),
  authorId: text('author_id').notNull(),
  body: text('body').notNull(),
  bodyHtml: text('body_html').notNull(),
  hidden: boolean('hidden').notNull().default(false),
  repliesCount: integer('replies_count').notNull().default(0),
  createdAt: createdAt(),
  editedAt: timestamptz('edited_at'),
});

/** A project's activity feed; `hidden` rows (about a hidden comment, say) are shown to operators only. */
export const projectActivity = pgTable('project_activity', {
  id: id(),
  projectId: text('project_id').notNull(),
  kind: text('kind').notNull(),
  actorId: text('actor_id'),
  subject: text('subject'),
  data: jsonData(),
  hidden: boolean('hidden').notNull().default(false),
  createdAt: createdAt(),
});

/** Announcements from a project's hosts to its followers. */
export const projectUpdates = pgTable('project_updates', {
  id: id(),
  projectId: text('project_id').notNull(),
  authorId: text('author_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  bodyHtml: text('body_html').notNull(),
  createdAt: createdAt(),
  editedAt: timestamptz('edited_at'),
});

/** Reports from the crowd about a comment or a project; one open report a person a subject. */
export const moderationReports = pgTable('moderation_reports', {
  id: id(),
  subjectType: text('subject_type').$type<'comment' | 'project'>().notNull(),
  subjectId: text('subject_id').notNull(),
  reporterId: text('reporter_id').notNull(),
  reason: text('reason').notNull(),
  status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
  resolution: text('resolution').$type<'hidden' | 'dismissed'>(),
  note: text('note'),
  resolvedBy: text('resolved_by'),
  resolvedAt: timestamptz('resolved_at'),
  createdAt: createdAt(),
});

/** What operators hid and showed again, and why. */
export const moderationActions = pgTable('moderation_actions', {
  id: id(),
  subjectType: text('subject_type').$type<'comment' | 'project'>().notNull(),
  subjectId: text('subject_id').notNull(),
  action: text('action').$type<'hide' | 'unhide'>().notNull(),
  operatorId: text('operator_id'),
  reason: text('reason'),
  createdAt: createdAt(),
});
