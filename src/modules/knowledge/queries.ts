// Every statement on the questions-and-answers tables (questions, answers, question_votes, answer_votes).
import { and, arrayContains, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { pick, selectRowsOfPerson } from '../../db/select.js';
import { answerVotes, answers, questionVotes, questions } from '../../db/schema/knowledge.js';
import { personNameSql } from '../accounts/people-sql.js';
import { reputationSql } from '../notifications/reputation-sql.js';
import { projectHiddenSql } from '../projects/project-sql.js';

export type Question = typeof questions.$inferSelect;
export type Answer = typeof answers.$inferSelect;
export type Post = 'question' | 'answer';

// ---------------------------------------------------------------------------------------------------------------
// Questions

export async function selectQuestion(db: Executor, id: string): Promise<Question | undefined> {
  const [question] = await db.select().from(questions).where(eq(questions.id, id)).limit(1);
  return question;
}

/** The question, its row locked until the transaction ends. */
export async function lockQuestion(db: Executor, id: string): Promise<Question | undefined> {
  const [question] = await db.select().from(questions).where(eq(questions.id, id)).for('update');
  return question;
}

export async function insertQuestion(db: Executor, row: typeof questions.$inferInsert): Promise<void> {
  await db.insert(questions).values(row);
}

export async function updateQuestion(
  db: Executor,
  id: string,
  patch: { title?: string; body?: string; tags?: string[]; updatedAt: Date },
): Promise<void> {
  await db.update(questions).set(patch).where(eq(questions.id, id));
}

export async function updateAcceptedAnswer(db: Executor, questionId: string, answerId: string | null): Promise<void> {
  await db.update(questions).set({ acceptedAnswerId: answerId }).where(eq(questions.id, questionId));
}

/** Counts one more answer on a question; answers the question, or undefined when it is gone. */
export async function incrementAnswersCount(db: Executor, questionId: string, at: Date): Promise<Question | undefined> {
  const [question] = await db
    .update(questions)
    .set({ answersCount: sql`${questions.answersCount} + 1`, updatedAt: at })
    .where(eq(questions.id, questionId))
    .returning();
  return question;
}

/** Which questions a list shows: a project's, the site-wide ones, or both with those of hidden projects left out. */
export interface QuestionFilter {
  projectId?: string;
  siteOnly?: boolean;
  /** Leaves out the questions of projects hidden by moderation. */
  withoutHiddenProjects?: boolean;
  tag?: string;
  unanswered?: boolean;
  /** Words to search (English, French, and English on the accent-folded words). */
  search?: string;
}

/** The order of a list and where its page starts. */
export type QuestionOrder =
  | { by: 'relevance'; offset: number }
  | { by: 'votes'; after: { score: number; id: string } | null }
  | { by: 'new'; after: { createdAt: Date; id: string } | null };

/** The tsquery for a search box: English, French, and English on the accent-folded words, OR'ed. */
const searchQuery = (q: string): SQL =>
  sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('french', ${q}) || websearch_to_tsquery('english', foule_fold(${q})))`;

/** A page of questions (`limit` rows). */
export async function selectQuestionPage(db: Executor, f: QuestionFilter, order: QuestionOrder, limit: number): Promise<Question[]> {
  const where = and(
    f.projectId
      ? eq(questions.projectId, f.projectId)
      : f.siteOnly
        ? isNull(questions.projectId)
        : f.withoutHiddenProjects
          ? sql`(${questions.projectId} IS NULL OR NOT ${projectHiddenSql(questions.projectId)})`
          : undefined,
    f.tag ? arrayContains(questions.tags, [f.tag]) : undefined,
    f.unanswered ? eq(questions.answersCount, 0) : undefined,
    f.search ? sql`search @@ ${searchQuery(f.search)}` : undefined,
  );
  const rows = db.select().from(questions);
  if (order.by === 'relevance') {
    return rows
      .where(where)
      .orderBy(sql`ts_rank(search, ${searchQuery(f.search ?? '')}) DESC`, desc(questions.createdAt), desc(questions.id))
      .limit(limit)
      .offset(order.offset);
  }
  if (order.by === 'votes') {
    const { after } = order;
    return rows
      .where(
        and(
          where,
          after ? or(lt(questions.score, after.score), and(eq(questions.score, after.score), lt(questions.id, after.id))) : undefined,
        ),
      )
      .orderBy(desc(questions.score), desc(questions.id))
      .limit(limit);
  }
  const { after } = order;
  return rows
    .where(
      and(
        where,
        after
          ? or(lt(questions.createdAt, after.createdAt), and(eq(questions.createdAt, after.createdAt), lt(questions.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(questions.createdAt), desc(questions.id))
    .limit(limit);
}

// ---------------------------------------------------------------------------------------------------------------
// Answers

export async function selectAnswer(db: Executor, id: string): Promise<Answer | undefined> {
  const [answer] = await db.select().from(answers).where(eq(answers.id, id)).limit(1);
  return answer;
}

export function selectAnswersOfQuestion(db: Executor, questionId: string): Promise<Answer[]> {
  return db.select().from(answers).where(eq(answers.questionId, questionId));
}

export async function insertAnswer(db: Executor, row: typeof answers.$inferInsert): Promise<Answer> {
  const [answer] = await db.insert(answers).values(row).returning();
  return answer!;
}

export async function updateAnswerBody(db: Executor, id: string, body: string, at: Date): Promise<Answer> {
  const [answer] = await db.update(answers).set({ body, updatedAt: at }).where(eq(answers.id, id)).returning();
  return answer!;
}

// ---------------------------------------------------------------------------------------------------------------
// Votes, the same on both kinds of post

const POSTS = {
  question: { table: questions, id: questions.id, score: questions.score, votes: questionVotes, post: questionVotes.questionId },
  answer: { table: answers, id: answers.id, score: answers.score, votes: answerVotes, post: answerVotes.answerId },
} as const;

/** The post's score, its row locked until the transaction ends (so votes on it take turns); undefined when gone. */
export async function lockPostScore(db: Executor, post: Post, id: string): Promise<number | undefined> {
  const p = POSTS[post];
  const [row] = await db.select({ score: p.score }).from(p.table).where(eq(p.id, id)).for('update');
  return row?.score;
}

/** Adds `delta` to a post's score; answers the new score. */
export async function addToScore(db: Executor, post: Post, id: string, delta: number): Promise<number> {
  const p = POSTS[post];
  const [row] = await db
    .update(p.table)
    .set({ score: sql`${p.score} + ${delta}` })
    .where(eq(p.id, id))
    .returning({ score: p.score });
  return row!.score;
}

const voteOf = (post: Post, postId: string, userId: string) => and(eq(POSTS[post].post, postId), eq(POSTS[post].votes.userId, userId));

/** A person's vote on a post (1 or -1), or null. */
export async function selectVote(db: Executor, post: Post, postId: string, userId: string): Promise<number | null> {
  const v = POSTS[post].votes;
  const [row] = await db
    .select({ value: v.value })
    .from(v)
    .where(voteOf(post, postId, userId));
  return row?.value ?? null;
}

/** A person's votes on some answers, by answer id. */
export async function selectAnswerVotes(db: Executor, userId: string, answerIds: string[]): Promise<Map<string, number>> {
  if (!answerIds.length) return new Map();
  const rows = await db
    .select({ id: answerVotes.answerId, value: answerVotes.value })
    .from(answerVotes)
    .where(and(eq(answerVotes.userId, userId), inArray(answerVotes.answerId, answerIds)));
  return new Map(rows.map((r) => [r.id, r.value]));
}

/** Changes a person's vote on a post from `from` to `to` (0: no vote). */
export async function writeVote(db: Executor, post: Post, postId: string, userId: string, from: number, to: number, at: Date) {
  const v = POSTS[post].votes;
  const mine = voteOf(post, postId, userId);
  if (to === 0) await db.delete(v).where(mine);
  else if (from === 0 && post === 'question')
    await db.insert(questionVotes).values({ questionId: postId, userId, value: to, createdAt: at });
  else if (from === 0) await db.insert(answerVotes).values({ answerId: postId, userId, value: to, createdAt: at });
  else await db.update(v).set({ value: to }).where(mine);
}

// ---------------------------------------------------------------------------------------------------------------
// Authors

/** Names and reputations of the people with these ids, by id (an unknown id is absent). */
export async function selectAuthors(db: Executor, ids: string[]): Promise<Map<string, { id: string; name: string; reputation: number }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const list = sql.join(
    unique.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = rowsOf<{ id: string; name: string | null; reputation: number }>(
    await db.execute(sql`SELECT a.id, ${personNameSql(sql`a.id`)} AS name, ${reputationSql(sql`a.id`)} AS reputation
      FROM unnest(ARRAY[${list}]::text[]) AS a(id)`),
  );
  return new Map(rows.filter((r) => r.name !== null).map((r) => [r.id, { id: r.id, name: r.name!, reputation: Number(r.reputation) }]));
}

// ---------------------------------------------------------------------------------------------------------------
// A person's data, for their export

export function selectQuestionsBy(db: Executor, userId: string) {
  const columns = ['id', 'projectId', 'title', 'body', 'tags', 'acceptedAnswerId', 'createdAt', 'updatedAt'] as const;
  return selectRowsOfPerson(db, questions, questions.authorId, userId, pick(questions, columns));
}

export function selectAnswersBy(db: Executor, userId: string) {
  return selectRowsOfPerson(db, answers, answers.authorId, userId, pick(answers, ['id', 'questionId', 'body', 'createdAt', 'updatedAt']));
}

/** A person's votes on one kind of post: `{ questionId | answerId, value, createdAt }`, oldest first. */
export function selectVotesBy(db: Executor, post: Post, userId: string) {
  const v = POSTS[post].votes;
  return db
    .select({ [`${post}Id`]: POSTS[post].post, value: v.value, createdAt: v.createdAt })
    .from(v)
    .where(eq(v.userId, userId))
    .orderBy(asc(v.createdAt));
}
