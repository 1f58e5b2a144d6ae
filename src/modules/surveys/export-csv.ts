// The responses export (hosts): one line per response, one column per question (four for a price question).
import { Readable } from 'node:stream';
import type { Executor } from '../../db/client.js';
import { csvRows, type CsvValue } from '../../lib/csv.js';
import type { Survey } from './access.js';
import { decodeAnswer, type AnswerValue, type Question } from './questions.js';
import { selectAnswersInRange, selectResponsePage, type StoredAnswer } from './response-queries.js';

const PAGE = 2000;
const PRICE_COLUMNS = [
  ['tooCheap', 'too cheap'],
  ['cheap', 'cheap'],
  ['expensive', 'expensive'],
  ['tooExpensive', 'too expensive'],
] as const;

const amount = (minor: number) => (minor / 100).toFixed(2);

function header(questions: readonly Question[]): string[] {
  const cols = ['response', 'submittedAt', 'updatedAt', 'backer', 'follower'];
  questions.forEach((q, i) => {
    const name = `Q${i + 1} ${q.prompt}`;
    if (q.kind === 'price') for (const [, label] of PRICE_COLUMNS) cols.push(`${name} (${label}, ${q.currency ?? ''})`);
    else cols.push(name);
  });
  return cols;
}

function cells(q: Question, value: AnswerValue | null): CsvValue[] {
  if (q.kind === 'price') {
    const v = value as Record<string, number> | null;
    return PRICE_COLUMNS.map(([key]) => (v ? amount(v[key]!) : null));
  }
  if (value === null) return [null];
  if (q.kind === 'multiple') return [(value as string[]).join('; ')];
  if (q.kind === 'ranking') return [(value as string[]).join(' > ')];
  if (typeof value === 'number') return [value];
  return [String(value)];
}

/**
 * Streams the survey's responses as CSV, a page of responses at a time. Respondents are not named: the export says
 * whether each was a backer or a follower (membership now), which is what the segments use.
 * @example reply.type('text/csv').send(exportResponses(db, survey, questions, backers, followers))
 */
export function exportResponses(
  db: Executor,
  survey: Survey,
  questions: readonly Question[],
  backers: Set<string>,
  followers: Set<string>,
): Readable {
  async function* lines() {
    // Why: prompts and answers are typed by people; csvRows keeps a spreadsheet from running them as formulas.
    yield csvRows([header(questions)], { eol: '\r\n', bom: true });
    let after = 0;
    for (;;) {
      const page = await selectResponsePage(db, survey.id, after, PAGE);
      if (!page.length) return;
      after = page[page.length - 1]!.seq;
      const rows = await selectAnswersInRange(
        db,
        questions.map((q) => q.seq),
        page[0]!.seq,
        after,
      );
      const byResponse = new Map<number, Map<number, StoredAnswer[]>>();
      for (const row of rows) {
        const perQuestion = byResponse.get(row.responseSeq) ?? new Map<number, StoredAnswer[]>();
        const list = perQuestion.get(row.questionSeq) ?? [];
        list.push(row);
        perQuestion.set(row.questionSeq, list);
        byResponse.set(row.responseSeq, perQuestion);
      }
      const lines = page.map((r) => {
        const answers = byResponse.get(r.seq) ?? new Map();
        return [
          r.id,
          r.createdAt.toISOString(),
          r.updatedAt.toISOString(),
          r.userId && backers.has(r.userId) ? 'yes' : 'no',
          r.userId && followers.has(r.userId) ? 'yes' : 'no',
          ...questions.flatMap((q) => cells(q, decodeAnswer(q, answers.get(q.seq) ?? []))),
        ];
      });
      yield csvRows(lines, { eol: '\r\n' });
    }
  }
  return Readable.from(lines());
}
