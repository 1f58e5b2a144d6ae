// Worker threads do not inherit the TypeScript loader: register it, then run the server thread.
import { register } from 'tsx/esm/api';

register();
await import('./_server-thread.ts');
