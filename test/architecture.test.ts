import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module boundaries, read from the source with plain regular expressions (no build, no database):
 * - a module imports only its own schema file (`src/db/schema/<file>.ts`, owners below) and no other module's
 *   data files (`queries.ts`, `*-queries.ts`, `*-writer.ts`, `lease*.ts`, `schema.ts`): it calls the owner's functions;
 * - no two modules import each other, directly or round a longer loop;
 * - raw SQL in a module names only its own tables (`FROM|JOIN|INTO|UPDATE <table>`); the few reads not moved yet
 *   are listed in STILL_READS_OTHERS, which may only shrink.
 * Test-only files (`*.test.ts`, `*test-helpers.ts`, `test-fixtures.ts`) may reach across to build fixtures.
 */

const root = join(import.meta.dirname, '..');
const modulesDir = join(root, 'src/modules');
const schemaDir = join(root, 'src/db/schema');

/** Which module owns the tables of each schema file; `http` is the edge, not a module. */
const SCHEMA_OWNER: Record<string, string> = {
  accounts: 'accounts',
  audience: 'community',
  audit: 'audit',
  community: 'community',
  funding: 'funding',
  idempotency: 'http',
  ideas: 'ideas',
  knowledge: 'knowledge',
  ledger: 'ledger',
  mail: 'mail',
  notifications: 'notifications',
  orgs: 'orgs',
  payments: 'payments',
  projects: 'projects',
  surveys: 'surveys',
  tasks: 'tasks',
};

/** Raw SQL on another module's tables not moved to the owner yet: `file` → tables. Remove entries, never add. */
const STILL_READS_OTHERS: Record<string, string[]> = {
  'src/modules/audit/queries.ts': ['users'],
  'src/modules/audit/record-audit.ts': ['projects'],
  'src/modules/community/activity.ts': ['users'],
  // Moved from projects/service.ts: a sign-up made with the account's e-mail address counts.
  'src/modules/community/audience.ts': ['users'],
  'src/modules/community/comments.ts': ['users'],
  'src/modules/community/moderation.ts': ['notifications'],
  'src/modules/community/updates.ts': ['users'],
  'src/modules/funding/create-pledge.ts': ['projects'],
  // Hot-path writers keep their written-out SQL (benchmarked): they read projects.hidden/owner in the same statement.
  'src/modules/funding/pledge-writer.ts': ['projects'],
  'src/modules/knowledge/questions.ts': ['projects'],
  'src/modules/projects/explore.ts': ['org_members', 'orgs', 'project_follows', 'users'],
  'src/modules/tasks/answer-writer.ts': ['projects'],
  'src/modules/tasks/lease-group.ts': ['projects'],
  'src/modules/tasks/lease.ts': ['projects'],
};

/** Imports of another module's schema file not replaced yet by the owner's functions. Remove entries, never add. */
const STILL_IMPORTS_SCHEMA: string[] = [
  'src/modules/community/comments.ts imports src/db/schema/accounts.ts',
  'src/modules/community/moderation.ts imports src/db/schema/accounts.ts',
  'src/modules/community/moderation.ts imports src/db/schema/projects.ts',
  'src/modules/community/signups.ts imports src/db/schema/accounts.ts',
  'src/modules/funding/campaign-terms.ts imports src/db/schema/projects.ts',
  'src/modules/funding/charge-batch.ts imports src/db/schema/accounts.ts',
  'src/modules/funding/host-views.ts imports src/db/schema/accounts.ts',
  'src/modules/funding/host-views.ts imports src/db/schema/projects.ts',
  'src/modules/ideas/present.ts imports src/db/schema/accounts.ts',
  'src/modules/knowledge/present.ts imports src/db/schema/accounts.ts',
  'src/modules/knowledge/present.ts imports src/db/schema/notifications.ts',
  'src/modules/orgs/service.ts imports src/db/schema/accounts.ts',
  'src/modules/projects/service.ts imports src/db/schema/accounts.ts',
  'src/modules/projects/service.ts imports src/db/schema/orgs.ts',
  'src/modules/tasks/access.ts imports src/db/schema/projects.ts',
  'src/modules/tasks/history.ts imports src/db/schema/accounts.ts',
  'src/modules/tasks/results.ts imports src/db/schema/accounts.ts',
  'src/modules/tasks/submit.ts imports src/db/schema/projects.ts',
];

/** Imports of another module's data file not replaced yet. Remove entries, never add. */
const STILL_IMPORTS_DATA: string[] = [];

/** Import edges from module to module not cut yet (`from -> to`). Remove entries, never add. */
const STILL_IMPORTS: string[] = [];

const isTestOnly = (file: string) => /\.test\.ts$|test-helpers\.ts$|test-fixtures\.ts$/.test(file);
const isDataFile = (file: string) => /(^|\/)(queries|[a-z-]+-queries|[a-z-]+-writer|lease(-[a-z]+)?|schema)\.ts$/.test(file);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface SourceFile {
  /** Path from the repository root. */
  path: string;
  module: string;
  text: string;
  /** Relative imports, resolved to paths from the repository root (`.js` read as `.ts`). */
  imports: string[];
}

function moduleFiles(): SourceFile[] {
  return walk(modulesDir)
    .filter((abs) => relative(modulesDir, abs).includes('/'))
    .map((abs) => {
      const text = readFileSync(abs, 'utf8');
      const imports = [...text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map((m) =>
        relative(root, normalize(join(dirname(abs), m[1]!))).replace(/\.js$/, '.ts'),
      );
      return { path: relative(root, abs), module: relative(modulesDir, abs).split('/')[0]!, text, imports };
    });
}

/** Table name → owning module, from `pgTable('name'` in each schema file. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    const owner = SCHEMA_OWNER[file.replace(/\.ts$/, '')];
    if (!owner) throw new Error(`src/db/schema/${file} has no owner in SCHEMA_OWNER`);
    for (const m of readFileSync(join(schemaDir, file), 'utf8').matchAll(/pgTable\(\s*'([a-z_0-9]+)'/g)) owners.set(m[1]!, owner);
  }
  return owners;
}

/** What breaks the rules today, as sorted lines a failing test prints in full. */
function violations(files: SourceFile[] = moduleFiles()) {
  const schema: string[] = [];
  const data: string[] = [];
  const sqlReads: Record<string, string[]> = {};
  const edges = new Set<string>();
  const owners = tableOwners();
  const tablePattern = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE)\\s+(${[...owners.keys()].join('|')})\\b`, 'g');
  for (const f of files) {
    const test = isTestOnly(f.path);
    for (const target of f.imports) {
      const schemaFile = target.match(/^src\/db\/schema\/([a-z-]+)\.ts$/)?.[1];
      if (schemaFile && schemaFile !== 'index' && SCHEMA_OWNER[schemaFile] !== f.module && !test)
        schema.push(`${f.path} imports src/db/schema/${schemaFile}.ts`);
      if (schemaFile === 'index') schema.push(`${f.path} imports src/db/schema/index.ts`);
      const other = target.match(/^src\/modules\/([a-z-]+)\/(.+)$/);
      if (!other || other[1] === f.module) continue;
      if (!test && isDataFile(other[2]!)) data.push(`${f.path} imports ${target}`);
      if (!test) edges.add(`${f.module} -> ${other[1]}`);
    }
    if (test) continue;
    const foreign = new Set<string>();
    const code = f.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const m of code.matchAll(tablePattern)) {
      const table = m[1]!;
      if (owners.get(table) !== f.module) foreign.add(table);
    }
    if (foreign.size) sqlReads[f.path] = [...foreign].sort();
  }
  return { schema: schema.sort(), data: data.sort(), sqlReads, edges };
}

/**
 * Modules that import each other, directly or round a longer loop: each strongly connected group of the graph
 * (Tarjan), as its members sorted and joined by ` <-> `.
 */
function cycles(edges: Iterable<string>): string[] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const [from, to] = e.split(' -> ') as [string, string];
    next.set(from, [...(next.get(from) ?? []), to]);
    if (!next.has(to)) next.set(to, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      group.push(w);
    } while (w !== v);
    if (group.length > 1) groups.push(group.sort().join(' <-> '));
  };
  for (const v of next.keys()) if (!index.has(v)) connect(v);
  return groups.sort();
}

describe('module boundaries', () => {
  const found = violations();

  it('imports a schema file only from the module that owns its tables', () => {
    expect(found.schema).toEqual(STILL_IMPORTS_SCHEMA);
  });

  it("never imports another module's data files (queries, writers, schema)", () => {
    expect(found.data).toEqual(STILL_IMPORTS_DATA);
  });

  it('has no import cycle between modules', () => {
    const edges = [...found.edges].filter((e) => !STILL_IMPORTS.includes(e));
    expect(cycles(edges)).toEqual([]);
    // A listed edge that is gone must leave the list, so the list only shrinks.
    expect(STILL_IMPORTS.filter((e) => !found.edges.has(e))).toEqual([]);
  });

  it("names another module's tables in raw SQL only where listed as not moved yet", () => {
    expect(found.sqlReads).toEqual(STILL_READS_OTHERS);
  });

  it('finds what it guards: a bad import, a cycle, a foreign table', () => {
    const probe: SourceFile[] = [
      {
        path: 'src/modules/a/x.ts',
        module: 'a',
        text: 'sql`SELECT 1 FROM pledges`',
        imports: ['src/db/schema/funding.ts', 'src/modules/b/queries.ts'],
      },
      { path: 'src/modules/b/y.ts', module: 'b', text: '', imports: ['src/modules/a/x.ts'] },
    ];
    const v = violations(probe);
    expect(v.schema).toEqual(['src/modules/a/x.ts imports src/db/schema/funding.ts']);
    expect(v.data).toEqual(['src/modules/a/x.ts imports src/modules/b/queries.ts']);
    expect(v.sqlReads).toEqual({ 'src/modules/a/x.ts': ['pledges'] });
    expect(cycles(v.edges)).toEqual(['a <-> b']);
  });
});
