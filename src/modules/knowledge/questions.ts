import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { uniqueTags } from '../../http/tag-schema.js';
import { DomainError, invalid } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { recordActivity } from '../community/activity.js';
import { findProject } from '../projects/access.js';
import { viewQuestion } from './access.js';
import { presentQuestion, presentSummaries } from './present.js';
import { insertQuestion, type QuestionOrder, selectQuestionPage, updateQuestion } from './queries.js';
import type { AskRequest, EditQuestionRequest, QuestionsQuery } from './schemas.js';

/**
 * Asks a question on a project (anyone signed in who can see it), or site-wide without a project.
 * @example const id = await askQuestion(ctx, actor, 'prj_…', { title: 'Does the kettle work in winter?', body: '', tags: [] })
 */
export async function askQuestion(ctx: AppContext, actor: Actor, projectIdOrSlug: string | null, input: AskRequest): Promise<string> {
  const project = projectIdOrSlug ? await findProject(ctx.db, projectIdOrSlug, actor) : null;
  const id = newId('qst');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await insertQuestion(tx, {
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
  await updateQuestion(ctx.db, question.id, {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.body !== undefined ? { body: patch.body } : {}),
    ...(patch.tags !== undefined ? { tags: uniqueTags(patch.tags) } : {}),
    updatedAt: ctx.clock.now(),
  });
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

  const filter = {
    projectId: project?.id,
    siteOnly: !project && query.scope === 'site',
    // Why: questions of projects hidden by moderation stay out of public lists.
    withoutHiddenProjects: true,
    tag: query.tag,
    unanswered: query.unanswered,
    search: q,
  };
  let order: QuestionOrder;
  if (sort === 'relevance') {
    const offset = pos ? Number(pos.v) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidCursor();
    order = { by: 'relevance', offset };
  } else if (sort === 'votes') {
    if (pos && !Number.isInteger(pos.v)) throw invalidCursor();
    order = { by: 'votes', after: pos ? { score: Number(pos.v), id: pos.id } : null };
  } else {
    if (pos && Number.isNaN(new Date(String(pos.v)).getTime())) throw invalidCursor();
    order = { by: 'new', after: pos ? { createdAt: new Date(String(pos.v)), id: pos.id } : null };
  }
  const rows = await selectQuestionPage(ctx.db, filter, order, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next =
    rows.length > query.limit && last
      ? order.by === 'relevance'
        ? { v: order.offset + query.limit, id: last.id }
        : order.by === 'votes'
          ? { v: last.score, id: last.id }
          : { v: last.createdAt.toISOString(), id: last.id }
      : null;
  return { items: await presentSummaries(ctx.db, page), nextCursor: next ? encodeCursor(next) : null };
}
