import type { WebDomain } from './types';
import { coreDomain } from './core';
import { fundingDomain } from './funding';
import { ideasDomain } from './ideas';
import { surveysDomain } from './surveys';
import { knowledgeDomain } from './knowledge';
import { tasksDomain } from './tasks';
import { auditDomain } from './audit';

/** Domains in the order their tabs appear on a project page; core (no tab) first, so its pages match first. */
export const domains: WebDomain[] = [coreDomain, fundingDomain, ideasDomain, surveysDomain, knowledgeDomain, tasksDomain, auditDomain];
