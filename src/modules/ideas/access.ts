import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { conflict, forbidden, isKind, notFound } from '../../lib/errors.js';
import { findProject, isProjectHost, type Project } from '../projects/access.js';
import { type Challenge, selectChallenge } from './challenge-queries.js';
import { type Idea, selectIdea } from './idea-queries.js';
import type { Phase } from './schemas.js';

export type { Challenge, Idea };

export interface ChallengeView {
  challenge: Challenge;
  project: Project;
  isHost: boolean;
}

/**
 * The phase a challenge is in at a moment, from the start dates of its phases.
 * @example phaseOf(challenge, new Date()) // 'voting'
 */
export function phaseOf(c: Pick<Challenge, 'submissionAt' | 'votingAt' | 'reviewAt' | 'closedAt'>, now: Date): Phase {
  const t = now.getTime();
  if (t >= c.closedAt.getTime()) return 'closed';
  if (t >= c.reviewAt.getTime()) return 'review';
  if (t >= c.votingAt.getTime()) return 'voting';
  if (t >= c.submissionAt.getTime()) return 'submission';
  return 'upcoming';
}

/**
 * A challenge as the caller may see it, with its project and whether the caller hosts it; else 404.
 * @example const { challenge, isHost } = await viewChallenge(db, 'chl_…', actor)
 */
export async function viewChallenge(db: Executor, id: string, actor: Actor | null): Promise<ChallengeView> {
  const challenge = await selectChallenge(db, id);
  if (!challenge) throw notFound('challenge');
  // Why: a challenge of a project hidden by moderation is hidden with it (findProject lets its hosts through).
  const project = await findProject(db, challenge.projectId, actor).catch((e) => {
    throw isKind(e, 'not_found') ? notFound('challenge') : e;
  });
  const isHost = await isProjectHost(db, project, actor);
  // Why: a draft is the hosts' work in progress: to anyone else it does not exist.
  if (challenge.status === 'draft' && !isHost) throw notFound('challenge');
  return { challenge, project, isHost };
}

/**
 * An idea the caller may see, with its challenge view; else 404 (drafts and hidden projects included).
 * @example const { idea, challenge } = await viewIdea(db, 'ide_…', actor)
 */
export async function viewIdea(db: Executor, id: string, actor: Actor | null): Promise<ChallengeView & { idea: Idea }> {
  const idea = await selectIdea(db, id);
  if (!idea) throw notFound('idea');
  const view = await viewChallenge(db, idea.challengeId, actor).catch((e) => {
    throw isKind(e, 'not_found') ? notFound('idea') : e;
  });
  return { ...view, idea };
}

/** The view of a challenge for someone who must host its project; else 403 (or 404 when they cannot see it). */
export async function hostChallenge(db: Executor, id: string, actor: Actor): Promise<ChallengeView> {
  const view = await viewChallenge(db, id, actor);
  // Why: only a project's hosts change its challenges and their ideas' fate.
  if (!view.isHost) throw forbidden('Only the hosts of this project can do this.');
  return view;
}

const when = (d: Date) => d.toISOString();

/** Whether the caller may submit an idea now; hosts may add ideas in every phase but closed (seed ideas). */
export function submissionOpen(c: Challenge, now: Date, isHost: boolean): boolean {
  const phase = phaseOf(c, now);
  if (phase === 'closed') return false;
  if (isHost) return true;
  if (c.status !== 'published') return false;
  return phase === 'submission' || (phase === 'voting' && c.submissionsDuringVoting);
}

/**
 * Refuses a submission outside the phases that accept ideas, with a 409 `challenge_phase_closed` saying why.
 * @example assertCanSubmit(challenge, ctx.clock.now(), isHost)
 */
export function assertCanSubmit(c: Challenge, now: Date, isHost: boolean): void {
  if (submissionOpen(c, now, isHost)) return;
  const phase = phaseOf(c, now);
  const details = {
    phase,
    action: 'submit',
    submission: when(c.submissionAt),
    voting: when(c.votingAt),
    submissionsDuringVoting: c.submissionsDuringVoting,
  };
  if (c.status !== 'published')
    throw conflict('challenge_not_published', 'This challenge is a draft: ideas are accepted once it is published.', details);
  if (phase === 'upcoming')
    throw conflict(
      'challenge_phase_closed',
      `Ideas are accepted from ${when(c.submissionAt)}: this challenge has not opened yet.`,
      details,
    );
  if (phase === 'voting') {
    throw conflict(
      'challenge_phase_closed',
      `Ideas were accepted until ${when(c.votingAt)}; this challenge is now in its voting phase, and its rules do not accept new ideas while voting.`,
      details,
    );
  }
  throw conflict(
    'challenge_phase_closed',
    `Ideas are no longer accepted: this challenge is in its ${phase} phase (submissions ended ${when(c.submissionsDuringVoting ? c.reviewAt : c.votingAt)}).`,
    details,
  );
}

/** Whether votes and comparisons are accepted now. */
export function votingOpen(c: Challenge, now: Date): boolean {
  return c.status === 'published' && phaseOf(c, now) === 'voting';
}

/**
 * Refuses a vote or a comparison outside the voting phase, with a 409 saying when voting runs.
 * @example assertVotingOpen(challenge, ctx.clock.now(), 'vote')
 */
export function assertVotingOpen(c: Challenge, now: Date, action: 'vote' | 'compare'): void {
  if (votingOpen(c, now)) return;
  const phase = phaseOf(c, now);
  const details = { phase, action, voting: when(c.votingAt), review: when(c.reviewAt) };
  if (c.status !== 'published')
    throw conflict(
      'challenge_not_published',
      'This challenge is a draft: voting starts once it is published and in its voting phase.',
      details,
    );
  const span = `Voting runs from ${when(c.votingAt)} to ${when(c.reviewAt)}`;
  if (phase === 'upcoming' || phase === 'submission')
    throw conflict('challenge_phase_closed', `${span}: this challenge is still in its ${phase} phase.`, details);
  throw conflict('challenge_phase_closed', `${span}: voting has ended, this challenge is in its ${phase} phase.`, details);
}
