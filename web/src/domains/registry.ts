import type { WebDomain } from './types';
import { fundingDomain } from './funding';
import { ideasDomain } from './ideas';
import { surveysDomain } from './surveys';
import { knowledgeDomain } from './knowledge';
import { tasksDomain } from './tasks';
import { auditDomain } from './audit';

/** Domains in the order their tabs appear on a project page. */
export const domains: WebDomain[] = [fundingDomain, ideasDomain, surveysDomain, knowledgeDomain, tasksDomain, auditDomain];
