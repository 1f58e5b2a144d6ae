// The questions-and-answers module's share of a personal-data export. Nothing is removed on erasure: questions
// and answers stay under "Deleted account", votes keep counting.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { answerVotes, answers, questionVotes, questions } from '../../db/schema/knowledge.js';

/**
 * A person's questions, answers and votes on both.
 * @example await exportPersonalData(db, userId) // { questions, answers, questionVotes, answerVotes }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const asked = await db
    .select({
      id: questions.id,
      projectId: questions.projectId,
      title: questions.title,
      body: questions.body,
      tags: questions.tags,
      acceptedAnswerId: questions.acceptedAnswerId,
      createdAt: questions.createdAt,
      updatedAt: questions.updatedAt,
    })
    .from(questions)
    .where(eq(questions.authorId, userId))
    .orderBy(asc(questions.createdAt));
  const answered = await db
    .select({
      id: answers.id,
      questionId: answers.questionId,
      body: answers.body,
      createdAt: answers.createdAt,
      updatedAt: answers.updatedAt,
    })
    .from(answers)
    .where(eq(answers.authorId, userId))
    .orderBy(asc(answers.createdAt));
  const qVotes = await db
    .select({ questionId: questionVotes.questionId, value: questionVotes.value, createdAt: questionVotes.createdAt })
    .from(questionVotes)
    .where(eq(questionVotes.userId, userId))
    .orderBy(asc(questionVotes.createdAt));
  const aVotes = await db
    .select({ answerId: answerVotes.answerId, value: answerVotes.value, createdAt: answerVotes.createdAt })
    .from(answerVotes)
    .where(eq(answerVotes.userId, userId))
    .orderBy(asc(answerVotes.createdAt));
  return { questions: asked, answers: answered, questionVotes: qVotes, answerVotes: aVotes };
}
