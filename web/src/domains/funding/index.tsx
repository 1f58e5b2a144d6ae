import type { WebDomain } from '../types';

// The funding pages and project tab; see web/src/domains/types.ts.
export const fundingDomain: WebDomain = {};
