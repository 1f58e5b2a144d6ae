import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema/accounts.js';
import { reputationEvents } from '../../db/schema/notifications.js';
import { answerVotes, answers, questionVotes } from '../../db/schema/knowledge.js';
import type { Actor } from '../../http/auth.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { Answer, Question } from './access.js';

/** Names and reputations of some people, for author lines. */
export async function authorsOf(db: Executor, ids: string[]): Promise<Map<string, { id: string; name: string; reputation: number }>> {
  const out = new Map<string, { id: string; name: string; reputation: number }>();
  const unique = [...new Set(ids)];
  if (!unique.length) return out;
  const rows = await db
    .select({ id: users.id, name: users.name, reputation: sql<number>`coalesce(sum(${reputationEvents.points}), 0)::int` })
    .from(users)
    .leftJoin(reputationEvents, eq(reputationEvents.userId, users.id))
    .where(inArray(users.id, unique))
    .groupBy(users.id, users.name);
  for (const r of rows) out.set(r.id, { id: r.id, name: r.name, reputation: Number(r.reputation) });
  return out;
}

const unknownAuthor = (id: string) => ({ id, name: '', reputation: 0 });

/** A plain-text excerpt of a Markdown body for lists. */
export function excerptOf(markdown: string, max = 200): string {
  const text = renderMarkdown(markdown)
    .replace(/<\/?(p|br|li|ul|ol|h[1-6]|blockquote|pre|tr|td|th|table|hr)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Questions as lists show them. */
export async function presentSummaries(db: Executor, rows: Question[]) {
  const authors = await authorsOf(
    db,
    rows.map((r) => r.authorId),
  );
  return rows.map((q) => ({
    id: q.id,
    projectId: q.projectId,
    title: q.title,
    excerpt: excerptOf(q.body),
    tags: q.tags,
    author: authors.get(q.authorId) ?? unknownAuthor(q.authorId),
    score: q.score,
    answersCount: q.answersCount,
    acceptedAnswerId: q.acceptedAnswerId,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  }));
}

/**
 * A question with its answers (accepted first, then by score, then oldest) and the caller's votes.
 * @example await presentQuestion(db, question, actor, canModerate)
 */
export async function presentQuestion(db: Executor, q: Question, actor: Actor | null, canModerate: boolean) {
  const list = await db.select().from(answers).where(eq(answers.questionId, q.id));
  list.sort(
    (a, b) =>
      Number(b.id === q.acceptedAnswerId) - Number(a.id === q.acceptedAnswerId) ||
      b.score - a.score ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : 1),
  );
  const [summary] = await presentSummaries(db, [q]);
  const authors = await authorsOf(
    db,
    list.map((a) => a.authorId),
  );
  const myAnswerVotes = new Map<string, number>();
  let myQuestionVote: number | null = null;
  if (actor) {
    if (list.length) {
      const rows = await db
        .select({ id: answerVotes.answerId, value: answerVotes.value })
        .from(answerVotes)
        .where(
          and(
            eq(answerVotes.userId, actor.userId),
            inArray(
              answerVotes.answerId,
              list.map((a) => a.id),
            ),
          ),
        );
      for (const r of rows) myAnswerVotes.set(r.id, r.value);
    }
    const [mine] = await db
      .select({ value: questionVotes.value })
      .from(questionVotes)
      .where(and(eq(questionVotes.questionId, q.id), eq(questionVotes.userId, actor.userId)));
    myQuestionVote = mine?.value ?? null;
  }
  const isAuthor = actor?.userId === q.authorId;
  return {
    ...summary!,
    body: q.body,
    bodyHtml: renderMarkdown(q.body),
    answers: list.map((a) =>
      presentAnswer(a, q, authors.get(a.authorId) ?? unknownAuthor(a.authorId), actor, myAnswerVotes.get(a.id) ?? null),
    ),
    viewer: { vote: myQuestionVote, isAuthor, canAccept: isAuthor, canEdit: isAuthor || canModerate },
  };
}

export function presentAnswer(
  a: Answer,
  q: Pick<Question, 'acceptedAnswerId'>,
  author: { id: string; name: string; reputation: number },
  actor: Actor | null,
  vote: number | null,
) {
  return {
    id: a.id,
    questionId: a.questionId,
    projectId: a.projectId,
    body: a.body,
    bodyHtml: renderMarkdown(a.body),
    author,
    score: a.score,
    accepted: q.acceptedAnswerId === a.id,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    viewer: { vote, isAuthor: actor?.userId === a.authorId },
  };
}

/** One answer as the API answers it. */
export async function presentOneAnswer(db: Executor, a: Answer, q: Pick<Question, 'acceptedAnswerId'>, actor: Actor | null) {
  const authors = await authorsOf(db, [a.authorId]);
  let vote: number | null = null;
  if (actor) {
    const [mine] = await db
      .select({ value: answerVotes.value })
      .from(answerVotes)
      .where(and(eq(answerVotes.answerId, a.id), eq(answerVotes.userId, actor.userId)));
    vote = mine?.value ?? null;
  }
  return presentAnswer(a, q, authors.get(a.authorId) ?? unknownAuthor(a.authorId), actor, vote);
}
