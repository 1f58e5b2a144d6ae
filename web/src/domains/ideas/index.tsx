import type { WebDomain } from '../types';
import './ideas.css';
import { ChallengePage } from './ChallengePage';
import { EditChallengePage, NewChallengePage } from './ChallengeForm';
import { IdeaPage } from './IdeaPage';
import { IdeasTab } from './IdeasTab';
import { PairwisePage } from './PairwisePage';
import { RankingPage } from './RankingPage';

// Idea challenges: the Ideas tab on a project, challenge and idea pages, pairwise voting and the ranking.
export const ideasDomain: WebDomain = {
  routes: [
    { path: '/p/:slug/challenges/new', element: <NewChallengePage /> },
    { path: '/challenges/:id', element: <ChallengePage /> },
    { path: '/challenges/:id/edit', element: <EditChallengePage /> },
    { path: '/challenges/:id/vote', element: <PairwisePage /> },
    { path: '/challenges/:id/ranking', element: <RankingPage /> },
    { path: '/ideas/:id', element: <IdeaPage /> },
  ],
  projectTab: { key: 'ideas', labelKey: 'ideas:tab', Component: IdeasTab },
};
