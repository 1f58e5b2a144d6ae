import type { WebDomain } from '../types';

// The tasks pages and project tab; see web/src/domains/types.ts.
export const tasksDomain: WebDomain = {};
