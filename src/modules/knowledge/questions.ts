import { and, arrayContains, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { questions } from '../../db/schema/knowledge.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, invalid } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { recordActivity } from '../community/activity.js';
import { findProject } from '../projects/access.js';
import { viewQuestion } from './access.js';
import { presentQuestion, presentSummaries } from './present.js';
import type { AskRequest, EditQuestionRequest, QuestionsQuery } from './schemas.js';

const uniqueTags = (tags: string[]) => [...new Set(tags)];

/**
 * Asks a question on a project (anyone signed in who can see it), or site-wide without a project.
 * @example const id = await askQuestion(ctx, actor, 'prj_…', { title: 'Does the kettle work in winter?', body: '', tags: [] })
 */
export async function askQuestion(ctx: AppContext, actor: Actor, projectIdOrSlug: string | null, input: AskRequest): Promise<string> {
  const project = projectIdOrSlug ? await findProject(ctx.db, projectIdOrSlug, actor) : null;
  const id = newId('qst');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(questions).values({
      id,
      projectId: project?.id ?? null,
      authorId: actor.userId,
      title: input.title,
      body: input.body,
      tags: uniqueTags(input.tags),
      createdAt: now,
      updatedAt: now,
    });
    if (project)
      await recordActivity(tx, {
        projectId: project.id,
        kind: 'question',
        actorId: actor.userId,
        subject: `question:${id}`,
        data: { title: input.title },
      });
  });
  return id;
}

/**
 * Edits a question: its author, or a host of its project (an operator for a site-wide question).
 * @example await editQuestion(ctx, actor, 'qst_…', { tags: ['winter'] })
 */
export async function editQuestion(ctx: AppContext, actor: Actor, id: string, patch: EditQuestionRequest): Promise<void> {
  const { question, canModerate } = await viewQuestion(ctx.db, id, actor);
  // Why: a question's words are its author's; the hosts of its project (operators site-wide) may correct them.
  if (question.authorId !== actor.userId && !canModerate)
    throw new DomainError('forbidden', 'Only the author of this question can edit it.');
  await ctx.db
    .update(questions)
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.body !== undefined ? { body: patch.body } : {}),
      ...(patch.tags !== undefined ? { tags: uniqueTags(patch.tags) } : {}),
      updatedAt: ctx.clock.now(),
    })
    .where(eq(questions.id, question.id));
}

/**
 * A question with its answers, as the caller sees it.
 * @example await getQuestion(ctx, actor, 'qst_…')
 */
export async function getQuestion(ctx: AppContext, actor: Actor | null, id: string) {
  const { question, canModerate } = await viewQuestion(ctx.db, id, actor);
  return presentQuestion(ctx.db, question, actor, canModerate);
}

const invalidCursor = () =>
  invalid('invalid_cursor', 'This cursor does not belong to this list: start again without it.', { field: 'querystring.cursor' });

/** The tsquery for a search box: English, French, and English on the accent-folded words, OR'ed. */
const searchQuery = (q: string): SQL =>
  sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('french', ${q}) || websearch_to_tsquery('english', foule_fold(${q})))`;

/**
 * Lists and searches questions the caller can see: all of them, a project's, or the site-wide ones; by tag,
 * unanswered only; sorted by relevance (with `q`), newest, or votes.
 * @example await listQuestions(ctx, actor, { q: 'vélo', tag: 'mobility', scope: 'all', limit: 20 })
 */
export async function listQuestions(ctx: AppContext, actor: Actor | null, query: QuestionsQuery) {
  const project = query.projectId ? await findProject(ctx.db, query.projectId, actor) : null;
  const q = query.q?.trim() || undefined;
  const sort = query.sort ?? (q ? 'relevance' : 'new');
  if (sort === 'relevance' && !q)
    throw invalid('search_words_required', 'Sorting by relevance needs words to search (q).', { field: 'querystring.sort' });
  const pos = decodeCursor(query.cursor);
  if (query.cursor && !pos) throw invalidCursor();

  const where = and(
    project
      ? eq(questions.projectId, project.id)
      : query.scope === 'site'
        ? isNull(questions.projectId)
        : // Why: questions of projects hidden by moderation stay out of public lists.
          sql`(${questions.projectId} IS NULL OR EXISTS (SELECT 1 FROM projects p WHERE p.id = ${questions.projectId} AND NOT p.hidden))`,
    query.tag ? arrayContains(questions.tags, [query.tag]) : undefined,
    query.unanswered ? eq(questions.answersCount, 0) : undefined,
    q ? sql`search @@ ${searchQuery(q)}` : undefined,
  );

  if (sort === 'relevance') {
    const offset = pos ? Number(pos.v) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidCursor();
    const rows = await ctx.db
      .select()
      .from(questions)
      .where(where)
      .orderBy(sql`ts_rank(search, ${searchQuery(q!)}) DESC`, desc(questions.createdAt), desc(questions.id))
      .limit(query.limit + 1)
      .offset(offset);
    const page = rows.slice(0, query.limit);
    return {
      items: await presentSummaries(ctx.db, page),
      nextCursor: rows.length > query.limit ? encodeCursor({ v: offset + query.limit, id: page[page.length - 1]!.id }) : null,
    };
  }
  if (sort === 'votes') {
    if (pos && !Number.isInteger(pos.v)) throw invalidCursor();
    const rows = await ctx.db
      .select()
      .from(questions)
      .where(
        and(
          where,
          pos ? or(lt(questions.score, Number(pos.v)), and(eq(questions.score, Number(pos.v)), lt(questions.id, pos.id))) : undefined,
        ),
      )
      .orderBy(desc(questions.score), desc(questions.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await presentSummaries(ctx.db, page),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ v: last.score, id: last.id }) : null,
    };
  }
  if (pos && Number.isNaN(new Date(String(pos.v)).getTime())) throw invalidCursor();
  const rows = await ctx.db
    .select()
    .from(questions)
    .where(
      and(
        where,
        pos
          ? or(
              lt(questions.createdAt, new Date(String(pos.v))),
              and(eq(questions.createdAt, new Date(String(pos.v))), lt(questions.id, pos.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(questions.createdAt), desc(questions.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await presentSummaries(ctx.db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ v: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
