import { registerOrgProjects } from '../orgs/org-projects.js';
import { exploreProjects } from './explore.js';

// An organization's page shows its visible projects, newest first.
registerOrgProjects((db, orgId, limit) => exploreProjects(db, { orgId, sort: 'new', limit }));
