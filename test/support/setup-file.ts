import { afterAll } from 'vitest';
import { closeTestDatabase } from './test-app.js';

// An unclosed PGlite keeps the worker alive: every test file closes its database at the end.
afterAll(closeTestDatabase);
