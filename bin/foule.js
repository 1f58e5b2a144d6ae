#!/usr/bin/env node
// The `foule` command for operators: runs src/cli/main.ts (TypeScript, through tsx) with the server's settings.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
