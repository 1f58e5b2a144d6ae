import fc from 'fast-check';
import { afterAll } from 'vitest';
import { closeTestDatabase } from './test-app.js';

// Property tests run the same cases on every machine, so a red CI is a bug and not a draw; FOULE_FC_SEED explores
// other cases locally (a failure prints the seed that reproduces it).
fc.configureGlobal({ seed: Number(process.env.FOULE_FC_SEED ?? 20261207) });

// An unclosed PGlite keeps the worker alive: every test file closes its database at the end.
afterAll(closeTestDatabase);
