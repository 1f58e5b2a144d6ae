import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { Answer, Question } from './access.js';
import { selectAnswersOfQuestion, selectAnswerVotes, selectAuthors, selectVote } from './queries.js';

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
  const authors = await selectAuthors(
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
  const list = await selectAnswersOfQuestion(db, q.id);
  list.sort(
    (a, b) =>
      Number(b.id === q.acceptedAnswerId) - Number(a.id === q.acceptedAnswerId) ||
      b.score - a.score ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : 1),
  );
  const [summary] = await presentSummaries(db, [q]);
  const authors = await selectAuthors(
    db,
    list.map((a) => a.authorId),
  );
  const myAnswerVotes = actor
    ? await selectAnswerVotes(
        db,
        actor.userId,
        list.map((a) => a.id),
      )
    : new Map<string, number>();
  const myQuestionVote = actor ? await selectVote(db, 'question', q.id, actor.userId) : null;
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
  const authors = await selectAuthors(db, [a.authorId]);
  const vote = actor ? await selectVote(db, 'answer', a.id, actor.userId) : null;
  return presentAnswer(a, q, authors.get(a.authorId) ?? unknownAuthor(a.authorId), actor, vote);
}
