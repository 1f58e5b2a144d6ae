import { z } from 'zod';
import { ZPageQuery } from '../../http/schemas.js';
import { ZTag } from '../../http/tag-schema.js';

export const ZAskRequest = z.object({
  title: z.string().trim().min(10, 'must be at least 10 characters: say what you want to know').max(200),
  body: z.string().max(30_000).default('').describe('Markdown'),
  tags: z.array(ZTag).max(5).default([]),
});
export type AskRequest = z.infer<typeof ZAskRequest>;

export const ZEditQuestionRequest = z
  .object({
    title: ZAskRequest.shape.title.optional(),
    body: z.string().max(30_000).optional(),
    tags: z.array(ZTag).max(5).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one field to change' });
export type EditQuestionRequest = z.infer<typeof ZEditQuestionRequest>;

export const ZAnswerRequest = z.object({ body: z.string().trim().min(1, 'is required').max(30_000).describe('Markdown') });

export const ZVoteRequest = z.object({ value: z.union([z.literal(1), z.literal(-1)], { message: 'must be 1 or -1' }) });

export const QUESTION_SORTS = ['relevance', 'new', 'votes'] as const;

export const ZQuestionsQuery = ZPageQuery.extend({
  q: z.string().trim().max(200).optional().describe('words to search in titles and bodies (English and French, accents ignored)'),
  tag: ZTag.optional(),
  projectId: z.string().max(100).optional().describe("a project's id or slug: its questions only"),
  scope: z.enum(['all', 'site']).default('all').describe('site: site-wide questions only (ignored with projectId)'),
  unanswered: z.stringbool().optional().describe('true: questions without an answer yet'),
  sort: z.enum(QUESTION_SORTS).optional().describe('default: relevance with q, else new'),
});
export type QuestionsQuery = z.infer<typeof ZQuestionsQuery>;

const ZAuthor = z.object({ id: z.string(), name: z.string(), reputation: z.number().int() });

export const ZAnswer = z.object({
  id: z.string(),
  questionId: z.string(),
  projectId: z.string().nullable(),
  body: z.string(),
  bodyHtml: z.string(),
  author: ZAuthor,
  score: z.number().int(),
  accepted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  viewer: z.object({ vote: z.number().int().nullable(), isAuthor: z.boolean() }),
});

export const ZQuestionSummary = z.object({
  id: z.string(),
  projectId: z.string().nullable(),
  title: z.string(),
  excerpt: z.string(),
  tags: z.array(z.string()),
  author: ZAuthor,
  score: z.number().int(),
  answersCount: z.number().int(),
  acceptedAnswerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZQuestion = ZQuestionSummary.extend({
  body: z.string(),
  bodyHtml: z.string(),
  answers: z.array(ZAnswer).describe('the accepted answer first, then by score, then oldest first'),
  viewer: z.object({ vote: z.number().int().nullable(), isAuthor: z.boolean(), canAccept: z.boolean(), canEdit: z.boolean() }),
});

export const ZVoteAnswer = z.object({ id: z.string(), value: z.number().int().nullable(), score: z.number().int() });
