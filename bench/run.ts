// `npm run bench -- <name> [...]`: runs bench/<name>.ts, or every benchmark without a name.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = asked.length ? asked : available;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`No benchmark "${name}". Available: ${available.join(', ')}`);
    process.exit(2);
  }
}
for (const name of names) {
  console.log(`\n=== bench ${name}`);
  const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { main: () => Promise<void> };
  await mod.main();
}
