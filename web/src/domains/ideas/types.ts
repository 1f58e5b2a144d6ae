// The shapes the ideas API answers (see src/modules/ideas/schemas.ts).
export type Phase = 'upcoming' | 'submission' | 'voting' | 'review' | 'closed';
export type IdeaStatus = 'submitted' | 'shortlisted' | 'selected' | 'implemented' | 'rejected';
export const IDEA_STATUSES: IdeaStatus[] = ['submitted', 'shortlisted', 'selected', 'implemented', 'rejected'];

export interface Budget {
  limit: number | null;
  used: number;
  remaining: number | null;
}

export interface Challenge {
  id: string;
  projectId: string;
  title: string;
  prompt: string;
  promptHtml: string;
  status: 'draft' | 'published';
  phase: Phase;
  phases: { submission: string; voting: string; review: string; closed: string };
  rules: { votesPerPerson: number | null; submissionsDuringVoting: boolean; publicRanking: boolean };
  ideas: number;
  comparisons: number;
  createdAt: string;
  publishedAt: string | null;
  viewer: { isHost: boolean; canSubmit: boolean; canVote: boolean; canSeeRanking: boolean; budget: Budget | null };
}

export interface Idea {
  id: string;
  challengeId: string;
  projectId: string;
  title: string;
  body: string;
  bodyHtml: string;
  tags: string[];
  status: IdeaStatus;
  statusNote: string | null;
  statusChangedAt: string | null;
  author: { id: string; name: string };
  votes: { up: number; down: number; net: number };
  mergedIntoId: string | null;
  createdAt: string;
  viewer: { vote: number | null; isAuthor: boolean };
  rank?: number;
  score?: number;
  interval?: [number, number];
  comparisons?: number;
}

export interface VoteAnswer {
  ideaId: string;
  value: number | null;
  votes: Idea['votes'];
  budget: Budget;
}
