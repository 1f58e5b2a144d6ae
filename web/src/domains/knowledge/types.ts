// The shapes the questions-and-answers API answers (see src/modules/knowledge/schemas.ts).
export interface Author {
  id: string;
  name: string;
  reputation: number;
}

export interface QuestionSummary {
  id: string;
  projectId: string | null;
  title: string;
  excerpt: string;
  tags: string[];
  author: Author;
  score: number;
  answersCount: number;
  acceptedAnswerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Answer {
  id: string;
  questionId: string;
  body: string;
  bodyHtml: string;
  author: Author;
  score: number;
  accepted: boolean;
  createdAt: string;
  viewer: { vote: number | null; isAuthor: boolean };
}

export interface Question extends QuestionSummary {
  body: string;
  bodyHtml: string;
  answers: Answer[];
  viewer: { vote: number | null; isAuthor: boolean; canAccept: boolean; canEdit: boolean };
}

export interface VoteState {
  id: string;
  value: number | null;
  score: number;
}
