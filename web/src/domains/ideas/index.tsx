import type { WebDomain } from '../types';

// The ideas pages and project tab; see web/src/domains/types.ts.
export const ideasDomain: WebDomain = {};
