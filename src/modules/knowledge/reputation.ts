import type { Executor } from '../../db/client.js';
import { awardReputation } from '../notifications/service.js';

/**
 * Reputation earned in questions and answers (Stack Overflow's rules, simplified). Every change is an event in
 * reputation_events; a profile's reputation is their sum. Taking back or changing a vote, or un-accepting an
 * answer, records the opposite points, so the sum always matches the votes as they stand.
 */
export const REPUTATION_RULES = {
  question_upvoted: 5,
  question_downvoted: -2,
  answer_upvoted: 10,
  answer_downvoted: -2,
  /** To the author of the accepted answer (not when accepting one's own answer). */
  answer_accepted: 15,
  /** To the question's author, for accepting someone else's answer. */
  accepted_an_answer: 2,
} as const;

type Post = 'question' | 'answer';

function reasonFor(post: Post, value: number): keyof typeof REPUTATION_RULES {
  return value > 0 ? `${post}_upvoted` : `${post}_downvoted`;
}

/**
 * Records the reputation of a vote going from one value to another (0: no vote) on a post by `authorId`.
 * @example await reputationForVote(tx, 'answer', 'ans_…', authorId, 0, 1) // +10 answer_upvoted
 */
export async function reputationForVote(
  tx: Executor,
  post: Post,
  postId: string,
  authorId: string,
  from: number,
  to: number,
): Promise<void> {
  if (from === to) return;
  const subject = `${post}:${postId}`;
  if (from !== 0) {
    const reason = reasonFor(post, from);
    await awardReputation(tx, { userId: authorId, points: -REPUTATION_RULES[reason], reason: `${reason}_undone`, subject });
  }
  if (to !== 0) {
    const reason = reasonFor(post, to);
    await awardReputation(tx, { userId: authorId, points: REPUTATION_RULES[reason], reason, subject });
  }
}

/**
 * Records the reputation of accepting (or, with `undo`, un-accepting) an answer.
 * @example await reputationForAccept(tx, answerId, answerAuthorId, questionAuthorId, false)
 */
export async function reputationForAccept(
  tx: Executor,
  answerId: string,
  answerAuthorId: string,
  questionAuthorId: string,
  undo: boolean,
): Promise<void> {
  // Accepting one's own answer earns nothing (it would be free reputation).
  if (answerAuthorId === questionAuthorId) return;
  const sign = undo ? -1 : 1;
  const suffix = undo ? '_undone' : '';
  const subject = `answer:${answerId}`;
  await awardReputation(tx, {
    userId: answerAuthorId,
    points: sign * REPUTATION_RULES.answer_accepted,
    reason: `answer_accepted${suffix}`,
    subject,
  });
  await awardReputation(tx, {
    userId: questionAuthorId,
    points: sign * REPUTATION_RULES.accepted_an_answer,
    reason: `accepted_an_answer${suffix}`,
    subject,
  });
}
