import { defineDomain, signedIn } from '../define';
import './ideas.css';
import { ChallengePage } from './ChallengePage';
import { EditChallengePage, NewChallengePage } from './ChallengeForm';
import { IdeaPage } from './IdeaPage';
import { IdeasTab } from './IdeasTab';
import { PairwisePage } from './PairwisePage';
import { RankingPage } from './RankingPage';

// Idea challenges: the Ideas tab on a project, challenge and idea pages, pairwise voting and the ranking.
export const ideasDomain = defineDomain({
  pages: {
    '/p/:slug/challenges/new': NewChallengePage,
    '/challenges/:id': ChallengePage,
    '/challenges/:id/edit': EditChallengePage,
    '/challenges/:id/vote': signedIn(PairwisePage),
    '/challenges/:id/ranking': RankingPage,
    '/ideas/:id': IdeaPage,
  },
  tab: { key: 'ideas', namespace: 'ideas', Component: IdeasTab },
});
