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

/**
 * Files that are not data files yet write statements (the query builder, `sql` templates, drizzle-orm or a schema
 * import). Statements belong in the module's data files (`queries.ts`, `<thing>-queries.ts`, `<thing>-writer.ts`),
 * which use cases call. Remove entries, never add.
 */
const STILL_HOLDS_STATEMENTS: string[] = [
  'src/modules/accounts/personal-data.ts',
  'src/modules/accounts/service.ts',
  'src/modules/audit/record-audit.ts',
  'src/modules/community/activity.ts',
  'src/modules/community/audience.ts',
  'src/modules/community/comments.ts',
  'src/modules/community/follows.ts',
  'src/modules/community/moderation.ts',
  'src/modules/community/personal-data.ts',
  'src/modules/community/signups.ts',
  'src/modules/community/subject.ts',
  'src/modules/community/updates.ts',
  'src/modules/funding/backers.ts',
  'src/modules/funding/campaign-terms.ts',
  'src/modules/funding/campaign-to-compare.ts',
  'src/modules/funding/campaigns.ts',
  'src/modules/funding/cancel-pledge.ts',
  'src/modules/funding/charge-batch.ts',
  'src/modules/funding/collect-pledge.ts',
  'src/modules/funding/create-campaign.ts',
  'src/modules/funding/create-pledge.ts',
  'src/modules/funding/fix-pledge.ts',
  'src/modules/funding/host-views.ts',
  'src/modules/funding/jobs.ts',
  'src/modules/funding/launch-campaign.ts',
  'src/modules/funding/list-campaigns.ts',
  'src/modules/funding/locks.ts',
  'src/modules/funding/payouts.ts',
  'src/modules/funding/personal-data.ts',
  'src/modules/funding/pledge-answers.ts',
  'src/modules/funding/recover.ts',
  'src/modules/funding/refunds.ts',
  'src/modules/funding/settle-campaign.ts',
  'src/modules/funding/slots.ts',
  'src/modules/funding/subject.ts',
  'src/modules/funding/tiers.ts',
  'src/modules/funding/update-campaign.ts',
  'src/modules/funding/update-pledge.ts',
  'src/modules/ideas/access.ts',
  'src/modules/ideas/challenges.ts',
  'src/modules/ideas/create-challenge.ts',
  'src/modules/ideas/ideas.ts',
  'src/modules/ideas/merge-ideas.ts',
  'src/modules/ideas/pairwise.ts',
  'src/modules/ideas/personal-data.ts',
  'src/modules/ideas/present.ts',
  'src/modules/ideas/ranking.ts',
  'src/modules/ideas/schemas.ts',
  'src/modules/ideas/subject.ts',
  'src/modules/ideas/submit-idea.ts',
  'src/modules/ideas/traction.ts',
  'src/modules/ideas/update-challenge.ts',
  'src/modules/ideas/update-idea.ts',
  'src/modules/ideas/votes.ts',
  'src/modules/knowledge/accept.ts',
  'src/modules/knowledge/access.ts',
  'src/modules/knowledge/answers.ts',
  'src/modules/knowledge/personal-data.ts',
  'src/modules/knowledge/present.ts',
  'src/modules/knowledge/questions.ts',
  'src/modules/knowledge/subject.ts',
  'src/modules/knowledge/votes.ts',
  'src/modules/ledger/personal-data.ts',
  'src/modules/ledger/service.ts',
  'src/modules/mail/personal-data.ts',
  'src/modules/mail/service.ts',
  'src/modules/notifications/personal-data.ts',
  'src/modules/notifications/service.ts',
  'src/modules/orgs/personal-data.ts',
  'src/modules/orgs/roles.ts',
  'src/modules/orgs/service.ts',
  'src/modules/payments/test-provider.ts',
  'src/modules/projects/access.ts',
  'src/modules/projects/explore.ts',
  'src/modules/projects/personal-data.ts',
  'src/modules/projects/service.ts',
  'src/modules/projects/subject.ts',
  'src/modules/subjects/registry.ts',
  'src/modules/surveys/access.ts',
  'src/modules/surveys/create-survey.ts',
  'src/modules/surveys/export-csv.ts',
  'src/modules/surveys/number-results.ts',
  'src/modules/surveys/personal-data.ts',
  'src/modules/surveys/questions.ts',
  'src/modules/surveys/read-survey.ts',
  'src/modules/surveys/results.ts',
  'src/modules/surveys/subject.ts',
  'src/modules/surveys/submit-response.ts',
  'src/modules/surveys/survey-status.ts',
  'src/modules/surveys/tallies.ts',
  'src/modules/surveys/validation-survey.ts',
  'src/modules/tasks/access.ts',
  'src/modules/tasks/aggregate.ts',
  'src/modules/tasks/answers.ts',
  'src/modules/tasks/batch-status.ts',
  'src/modules/tasks/batches.ts',
  'src/modules/tasks/create-batch.ts',
  'src/modules/tasks/history.ts',
  'src/modules/tasks/import-answers.ts',
  'src/modules/tasks/personal-data.ts',
  'src/modules/tasks/results.ts',
  'src/modules/tasks/review.ts',
  'src/modules/tasks/subject.ts',
  'src/modules/tasks/submit.ts',
  'src/modules/tasks/upload-items.ts',
];

/** Import edges from module to module not cut yet (`from -> to`). Remove entries, never add. */
const STILL_IMPORTS: string[] = [];

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

  it('writes statements only in data files (queries, writers)', () => {
    expect(found.statements).toEqual(STILL_HOLDS_STATEMENTS);
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
    expect(v.statements).toEqual(['src/modules/a/x.ts']);
    expect(v.sqlReads).toEqual({ 'src/modules/a/x.ts': ['pledges'] });
    expect(cycles(v.edges)).toEqual(['a <-> b']);
  });
});
