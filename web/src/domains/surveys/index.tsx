import type { WebDomain } from '../types';

// The surveys pages and project tab; see web/src/domains/types.ts.
export const surveysDomain: WebDomain = {};
