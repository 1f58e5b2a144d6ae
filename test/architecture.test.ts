import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module boundaries, read from the source with plain regular expressions (no build, no database):
 * - a module imports only its own schema file (`src/db/schema/<file>.ts`, owners below) and no other module's
 *   data files (`queries.ts`, `*-queries.ts`, `*-writer.ts`, `lease*.ts`, `schema.ts`): it calls the owner's functions;
 * - no two modules import each other, directly or round a longer loop;
 * - statements (the query builder, `sql` templates, drizzle-orm, a schema import) stand only in data files and in
 *   `*-sql.ts` fragment files a module offers others; use cases call them;
 * - raw SQL in a module names only its own tables (`FROM|JOIN|INTO|UPDATE <table>`).
 * Where a lower module needs a higher one (projects listing a person's follows, audit naming its actors), the higher
 * one registers what it offers at start (src/modules/wiring.ts) instead of being imported.
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

const isTestOnly = (file: string) => /\.test\.ts$|test-helpers\.ts$|test-fixtures\.ts$/.test(file);
/** Shared SQL fragments a module offers others (`people-sql.ts`): statements allowed, importing allowed. */
const isSqlFragmentFile = (file: string) => /(^|\/)[a-z-]+-sql\.ts$/.test(file);
const isDataFile = (file: string) => /(^|\/)(queries|[a-z-]+-queries|[a-z-]+-writer|lease(-[a-z]+)?|schema)\.ts$/.test(file);

/** Whether a file writes SQL itself: a `sql` template, a query-builder call on a database handle, drizzle-orm or a schema. */
function holdsStatements(f: SourceFile): boolean {
  const code = f.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return (
    /\bsql`|\b(db|tx|ctx\.db|handle)\.(select|selectDistinct|insert|update|delete|execute)\(|from 'drizzle-orm/.test(code) ||
    f.imports.some((i) => i.startsWith('src/db/schema/'))
  );
}

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
  const statements: string[] = [];
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
    if (!isDataFile(f.path.split('/').pop()!) && !isSqlFragmentFile(f.path) && holdsStatements(f)) statements.push(f.path);
    const code = f.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const m of code.matchAll(tablePattern)) {
      const table = m[1]!;
      if (owners.get(table) !== f.module) foreign.add(table);
    }
    if (foreign.size) sqlReads[f.path] = [...foreign].sort();
  }
  return { schema: schema.sort(), data: data.sort(), sqlReads, statements: statements.sort(), edges };
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
    expect(found.schema).toEqual([]);
  });

  it("never imports another module's data files (queries, writers, schema)", () => {
    expect(found.data).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    expect(cycles(found.edges)).toEqual([]);
  });

  it('writes statements only in data files (queries, writers)', () => {
    expect(found.statements).toEqual([]);
  });

  it("names another module's tables in raw SQL only where listed as not moved yet", () => {
    expect(found.sqlReads).toEqual({});
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
    expect(v.statements).toEqual(['src/modules/a/x.ts']);
    expect(v.sqlReads).toEqual({ 'src/modules/a/x.ts': ['pledges'] });
    expect(cycles(v.edges)).toEqual(['a <-> b']);
  });
});
