// Each domain's tables live in their own file; this index is for tools that want them all.
export * from './accounts.js';
export * from './projects.js';
export * from './community-core.js';
export * from './ledger.js';
export * from './audience.js';
export * from './funding.js';
export * from './community.js';
export * from './surveys.js';
export * from './ideas.js';
export * from './knowledge.js';
export * from './tasks.js';
export * from './audit.js';
