import type { WebDomain } from '../types';

// The knowledge pages and project tab; see web/src/domains/types.ts.
export const knowledgeDomain: WebDomain = {};
