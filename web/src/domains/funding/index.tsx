import { defineDomain, signedIn } from '../define';
import './funding.css';
import { CampaignTab } from './CampaignTab';
import { DashboardPage } from './DashboardPage';
import { LedgerPage } from './LedgerPage';
import { MyPledgesPage } from './MyPledgesPage';
import { NewCampaignPage } from './NewCampaignPage';

// The funding pages and the Campaign tab on a project; see web/src/domains/types.ts.
export const fundingDomain = defineDomain({
  pages: {
    '/me/pledges': MyPledgesPage,
    '/campaigns/:id/dashboard': signedIn(DashboardPage),
    '/campaigns/:id/ledger': LedgerPage,
    '/p/:slug/campaigns/new': signedIn(NewCampaignPage),
  },
  tab: { key: 'campaign', namespace: 'funding', Component: CampaignTab },
});
