// Each file holds the tables of one owner, named after it (audience.ts: community's audience tables), and is
// imported by that owner only (test/architecture.test.ts); this index is for tools that want them all.
export * from './accounts.js';
export * from './mail.js';
export * from './idempotency.js';
export * from './orgs.js';
export * from './projects.js';
export * from './notifications.js';
export * from './ledger.js';
export * from './audience.js';
export * from './funding.js';
export * from './payments.js';
export * from './community.js';
export * from './surveys.js';
export * from './ideas.js';
export * from './knowledge.js';
export * from './tasks.js';
export * from './audit.js';
