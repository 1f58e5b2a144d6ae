// The registry of domain modules: each contributes routes under /api/v1 and periodic jobs.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { Job } from '../jobs/types.js';
import { accountsRoutes } from './accounts/routes.js';
import { notificationsRoutes } from './notifications/routes.js';
import { projectsRoutes } from './projects/routes.js';
import { orgsRoutes } from './orgs/routes.js';
import { communityRoutes } from './community/routes.js';
import { fundingRoutes } from './funding/routes.js';
import { tasksRoutes } from './tasks/routes.js';
import { surveysRoutes } from './surveys/routes.js';
import { ideasRoutes } from './ideas/routes.js';
import { knowledgeRoutes } from './knowledge/routes.js';
import { validationRoutes } from './validation/routes.js';
import { privacyRoutes } from './privacy/routes.js';
import { auditRoutes } from './audit/routes.js';
import { jobs as mailJobs } from './mail/jobs.js';
import { jobs as communityJobs } from './community/jobs.js';
import { jobs as fundingJobs } from './funding/jobs.js';
import { jobs as tasksJobs } from './tasks/jobs.js';
import { jobs as surveysJobs } from './surveys/jobs.js';
import { jobs as ideasJobs } from './ideas/jobs.js';
import { rateLimitJobs } from '../http/rate-limit-store.js';
// Registrations between modules (subjects, hooks): every entry point that runs services needs them.
import './wiring.js';

export type ModuleRoutes = (app: FastifyInstance, ctx: AppContext) => Promise<void>;

export const moduleRoutes: ModuleRoutes[] = [
  accountsRoutes,
  notificationsRoutes,
  projectsRoutes,
  orgsRoutes,
  communityRoutes,
  fundingRoutes,
  tasksRoutes,
  surveysRoutes,
  ideasRoutes,
  knowledgeRoutes,
  validationRoutes,
  privacyRoutes,
  auditRoutes,
];

export const moduleJobs: Job[] = [
  ...mailJobs,
  ...communityJobs,
  ...fundingJobs,
  ...tasksJobs,
  ...surveysJobs,
  ...ideasJobs,
  ...rateLimitJobs,
];
