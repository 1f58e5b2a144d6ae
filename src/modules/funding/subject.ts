import { registerSubject } from '../subjects/registry.js';
import { campaignSubjectSql, selectCampaignSubject } from './campaign-queries.js';

// A campaign belongs to its project; a draft one is its hosts' only.
registerSubject('campaign', { find: selectCampaignSubject, visibleSql: campaignSubjectSql });
