import type { WebDomain } from '../types';
import './funding.css';
import { CampaignTab } from './CampaignTab';
import { DashboardPage } from './DashboardPage';
import { LedgerPage } from './LedgerPage';
import { MyPledgesPage } from './MyPledgesPage';
import { NewCampaignPage } from './NewCampaignPage';

// The funding pages and the Campaign tab on a project; see web/src/domains/types.ts.
export const fundingDomain: WebDomain = {
  routes: [
    { path: '/me/pledges', element: <MyPledgesPage /> },
    { path: '/campaigns/:id/dashboard', element: <DashboardPage /> },
    { path: '/campaigns/:id/ledger', element: <LedgerPage /> },
    { path: '/p/:slug/campaigns/new', element: <NewCampaignPage /> },
  ],
  projectTab: { key: 'campaign', labelKey: 'funding:tab', Component: CampaignTab },
};
