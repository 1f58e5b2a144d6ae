// Shapes of the micro-task API as the pages use them.
export type AnswerKind = 'label' | 'labels' | 'number' | 'text';
export type TaskAnswer = string | string[] | number;

export interface Batch {
  id: string;
  projectId: string;
  title: string;
  instructions: string;
  instructionsHtml: string;
  answer: { kind: AnswerKind; labels: string[] };
  overlap: number | null;
  dynamic: { minOverlap: number; maxOverlap: number; confidence: number } | null;
  reward: { amount: number; currency: string } | null;
  goldRate: number;
  qualification: { minGoldAccuracy: number; minGoldAnswers: number } | null;
  status: 'draft' | 'published' | 'paused' | 'closed';
  itemsCount: number;
  goldCount: number;
  budget: { funded: number; currency: string } | null;
  isHost: boolean;
  createdAt: string;
}

export interface Lease {
  id: string;
  item: { id: string; data: Record<string, unknown> };
  batch: { id: string; title: string; instructionsHtml: string; answer: { kind: AnswerKind; labels: string[] }; reward: { amount: number; currency: string } | null };
  expiresAt: string;
  progress: { done: number; total: number };
}

export interface ResultItem {
  itemId: string;
  externalId: string | null;
  data: Record<string, unknown>;
  answer: TaskAnswer | null;
  confidence: number | null;
  stdError: number | null;
  answers: number;
  answersCount: number;
  gold: boolean;
  votes: { workerId: string; answer: TaskAnswer }[];
}

export interface Results {
  method: string;
  methods: string[];
  answerKind: AnswerKind;
  totalItems: number;
  answeredItems: number;
  items: ResultItem[];
  nextCursor: string | null;
}

export interface WorkerRow {
  workerId: string;
  name: string | null;
  imported: boolean;
  answers: number;
  goldAnswers: number;
  goldAccuracy: number | null;
  quality: number | null;
  confusion: number[][] | null;
  approved: number;
  rejected: number;
  pending: number;
  earnings: { amount: number; currency: string } | null;
}

export interface Submission {
  id: string;
  itemId: string;
  externalId: string | null;
  data: Record<string, unknown>;
  workerId: string | null;
  workerName: string | null;
  answer: TaskAnswer;
  isGold: boolean;
  goldCorrect: boolean | null;
  submittedAt: string | null;
}

export interface MyAssignment {
  id: string;
  batch: { id: string; title: string; projectId: string };
  item: { id: string; externalId: string | null; data: Record<string, unknown> };
  answer: TaskAnswer | null;
  status: 'leased' | 'submitted' | 'skipped' | 'expired';
  review: 'none' | 'pending' | 'approved' | 'rejected';
  reviewReason: string | null;
  pay: { amount: number; currency: string } | null;
  submittedAt: string | null;
  leasedAt: string;
}

export interface Earnings {
  balances: { amount: number; currency: string }[];
  pending: { amount: number; currency: string }[];
  bonuses: { amount: number; currency: string }[];
  answers: { submitted: number; approved: number; rejected: number };
}

/** An answer as text: labels joined by commas. */
export const answerText = (a: TaskAnswer | null | undefined) => (a === null || a === undefined ? '—' : Array.isArray(a) ? a.join(', ') : String(a));
