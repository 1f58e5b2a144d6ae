import type { CategoricalAnswers, CategoricalResult, NumericAnswers, NumericResult } from './types.js';
import {
  aggregateCategorical,
  aggregateNumeric,
  CATEGORICAL_METHODS,
  NUMERIC_METHODS,
  type CategoricalMethod,
  type NumericMethod,
} from './run-method.js';

/** The kinds of answer a task can ask for (one label, several labels, a number, a free text). */
export type AnswerKind = 'label' | 'labels' | 'number' | 'text';
/** One answer: a label, a list of labels, a number or a text. */
export type Answer = string | string[] | number;
export type AggregationMethod = 'mv' | 'wmv' | 'ds' | 'glad' | 'mme' | 'mean' | 'median' | 'robust';

const METHODS_BY_KIND: Record<AnswerKind, AggregationMethod[]> = {
  label: ['mv', 'wmv', 'ds', 'glad', 'mme'],
  labels: ['mv', 'wmv', 'ds', 'glad', 'mme'],
  // A free text has no shared label set: only the vote-counting methods apply, item by item.
  text: ['mv', 'wmv'],
  number: ['mean', 'median', 'robust'],
};

/**
 * The methods that suit an answer kind, the default first.
 * @example methodsFor('number') // ['mean', 'median', 'robust']
 */
export function methodsFor(kind: AnswerKind): AggregationMethod[] {
  const list = METHODS_BY_KIND[kind];
  const first = defaultMethod(kind);
  return [first, ...list.filter((m) => m !== first)];
}

/**
 * The method used when none is asked: Dawid–Skene for labels, majority vote for texts, the robust
 * estimate for numbers.
 * @example defaultMethod('label') // 'ds'
 */
export function defaultMethod(kind: AnswerKind): AggregationMethod {
  return kind === 'number' ? 'robust' : kind === 'text' ? 'mv' : 'ds';
}

/** A method that does not suit the answer kind, or answers that do not fit it. */
export class AggregationInputError extends RangeError {
  constructor(
    readonly code: 'method_not_suited' | 'invalid_answer',
    message: string,
  ) {
    super(message);
  }
}

export interface AggregateInput {
  kind: AnswerKind;
  /** The batch's labels, in order (label and labels kinds). */
  labels?: string[];
  method?: AggregationMethod;
  answers: Iterable<{ item: string; worker: string; answer: Answer }>;
  /** Every item to report, in order (items without answers come out with a null answer). */
  items?: string[];
  /** Known answers of gold items, by item id. */
  gold?: Map<string, Answer>;
}

export interface ItemAggregate {
  item: string;
  /** The aggregated answer (null when the item has no answers). */
  answer: Answer | null;
  /** Estimated probability that the answer is right (label kinds); null for numbers and unanswered items. */
  confidence: number | null;
  /** Numbers: the standard error of the estimate. */
  stdError: number | null;
  /** How many answers the item has. */
  answers: number;
  gold: boolean;
}

export interface WorkerAggregate {
  worker: string;
  answers: number;
  goldAnswers: number;
  goldCorrect: number;
  /** Share of gold items answered right (null without gold answers). */
  goldAccuracy: number | null;
  /** The method's estimate of the worker's accuracy (label kinds), or of their noise sd (numbers); null when it has none. */
  quality: number | null;
  /** Dawid–Skene and minimax entropy on one-label batches: P(answer = column label | truth = row label). */
  confusion: number[][] | null;
}

export interface AggregateOutput {
  method: AggregationMethod;
  items: ItemAggregate[];
  workers: WorkerAggregate[];
}

/** How texts compare: without case, surrounding or repeated spaces. */
export const textKey = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function sameAnswer(kind: AnswerKind, a: Answer, b: Answer): boolean {
  if (kind === 'number') return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if (kind === 'labels')
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  if (kind === 'text') return typeof a === 'string' && typeof b === 'string' && textKey(a) === textKey(b);
  return a === b;
}

const finite = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
const round = (x: number) => Math.round(x * 1e6) / 1e6;

function runCategorical(method: AggregationMethod, data: CategoricalAnswers): CategoricalResult {
  if (!(CATEGORICAL_METHODS as readonly string[]).includes(method)) {
    throw new AggregationInputError('method_not_suited', `The method "${method}" does not aggregate labels.`);
  }
  return aggregateCategorical(method as CategoricalMethod, data);
}

function runNumeric(method: AggregationMethod, data: NumericAnswers): NumericResult {
  // Callers pass only the number methods (methodsFor('number')); robust is the default.
  return aggregateNumeric((NUMERIC_METHODS as readonly string[]).includes(method) ? (method as NumericMethod) : 'robust', data);
}

/** Rows numbered once: items (in the given order, then by first answer), workers, per-answer indices. */
function indexRows(rows: { item: string; worker: string }[], itemOrder: string[]) {
  const itemIndex = new Map<string, number>();
  const itemIds: string[] = [];
  for (const id of itemOrder) if (!itemIndex.has(id)) itemIndex.set(id, itemIds.length), itemIds.push(id);
  const workerIndex = new Map<string, number>();
  const workerIds: string[] = [];
  const item = new Int32Array(rows.length);
  const worker = new Int32Array(rows.length);
  for (let a = 0; a < rows.length; a++) {
    const r = rows[a]!;
    let i = itemIndex.get(r.item);
    if (i === undefined) {
      i = itemIds.length;
      itemIndex.set(r.item, i);
      itemIds.push(r.item);
    }
    let w = workerIndex.get(r.worker);
    if (w === undefined) {
      w = workerIds.length;
      workerIndex.set(r.worker, w);
      workerIds.push(r.worker);
    }
    item[a] = i;
    worker[a] = w;
  }
  return { item, worker, itemIds, workerIds, itemIndex };
}

/**
 * Aggregates a batch's answers with one method: per item the answer, its confidence and how many answers
 * it rests on; per worker their answers, gold accuracy and the method's quality estimate (the confusion
 * matrix with Dawid–Skene). `labels` kinds (several labels an answer) are aggregated as one yes/no
 * question per label; texts are compared without case or extra spaces. Gold items keep their known answer.
 * Throws AggregationInputError when the method does not suit the kind or an answer does not fit it.
 * 1,000,000 answers of one label take about a second with Dawid–Skene.
 * @example
 * aggregateAnswers({ kind: 'label', labels: ['cat', 'dog'], method: 'ds',
 *   answers: [{ item: 'i1', worker: 'w1', answer: 'cat' }] }).items[0] // { item: 'i1', answer: 'cat', … }
 */
export function aggregateAnswers(input: AggregateInput): AggregateOutput {
  const { kind } = input;
  const method = input.method ?? defaultMethod(kind);
  if (!METHODS_BY_KIND[kind].includes(method)) {
    throw new AggregationInputError(
      'method_not_suited',
      `The method "${method}" does not suit ${kind} answers: use one of ${METHODS_BY_KIND[kind].join(', ')}.`,
    );
  }
  const rows: { item: string; worker: string; answer: Answer }[] = Array.isArray(input.answers) ? input.answers : [...input.answers];
  const gold = input.gold ?? new Map<string, Answer>();
  const idx = indexRows(rows, input.items ?? []);
  const nItems = idx.itemIds.length;
  const nWorkers = idx.workerIds.length;
  const n = rows.length;

  // Per item its answer count and gold answer; per worker answers and gold results, whatever the method.
  const counts = new Int32Array(nItems);
  for (let a = 0; a < n; a++) counts[idx.item[a]!]! += 1;
  const goldOf: (Answer | undefined)[] = idx.itemIds.map((id) => gold.get(id));
  const answersOf = new Int32Array(nWorkers);
  const goldAnswers = new Int32Array(nWorkers);
  const goldCorrect = new Int32Array(nWorkers);
  for (let a = 0; a < n; a++) {
    const w = idx.worker[a]!;
    answersOf[w]! += 1;
    const g = goldOf[idx.item[a]!];
    if (g !== undefined) {
      goldAnswers[w]! += 1;
      if (sameAnswer(kind, rows[a]!.answer, g)) goldCorrect[w]! += 1;
    }
  }
  const quality = new Array<number | null>(nWorkers).fill(null);
  let confusion: (number[][] | null)[] = [];
  const workersOut = (): WorkerAggregate[] =>
    idx.workerIds.map((worker, w) => ({
      worker,
      answers: answersOf[w]!,
      goldAnswers: goldAnswers[w]!,
      goldCorrect: goldCorrect[w]!,
      goldAccuracy: goldAnswers[w] ? goldCorrect[w]! / goldAnswers[w]! : null,
      quality: quality[w] ?? null,
      confusion: confusion[w] ?? null,
    }));
  const itemOut = (i: number, answer: Answer | null, conf: number | null, stdError: number | null): ItemAggregate => ({
    item: idx.itemIds[i]!,
    answer,
    confidence: conf === null ? null : round(conf),
    stdError: stdError === null ? null : round(stdError),
    answers: counts[i]!,
    gold: goldOf[i] !== undefined,
  });

  if (kind === 'number') {
    const value = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      const v = rows[a]!.answer;
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new AggregationInputError('invalid_answer', `Item ${rows[a]!.item}: the answer of ${rows[a]!.worker} is not a number.`);
      value[a] = v;
    }
    const res = runNumeric(method, { nItems, nWorkers, item: idx.item, worker: idx.worker, value });
    const items = idx.itemIds.map((_, i) => {
      const g = goldOf[i];
      if (typeof g === 'number') return itemOut(i, g, null, 0);
      return itemOut(i, finite(res.values[i]), null, finite(res.stdError[i]));
    });
    if (res.workerSd) for (let w = 0; w < nWorkers; w++) quality[w] = finite(res.workerSd[w]);
    return { method, items, workers: workersOut() };
  }

  if (kind === 'text') {
    const workers = new Map(workersOut().map((w) => [w.worker, w]));
    const out = aggregateTexts(method as 'mv' | 'wmv', rows, idx.itemIds, gold, workers, (id, answer, conf, se) =>
      itemOut(idx.itemIndex.get(id)!, answer, conf, se),
    );
    return out;
  }

  const labels = input.labels ?? [];
  const labelIndex = new Map(labels.map((l, k) => [l, k] as const));
  const K = Math.max(labels.length, 1);
  if (kind === 'label') {
    const label = new Int32Array(n);
    for (let a = 0; a < n; a++) {
      const k = labelIndex.get(rows[a]!.answer as string);
      if (k === undefined)
        throw new AggregationInputError(
          'invalid_answer',
          `Item ${rows[a]!.item}: "${String(rows[a]!.answer).slice(0, 100)}" is not one of the labels.`,
        );
      label[a] = k;
    }
    const goldIdx = new Int32Array(nItems).fill(-1);
    goldOf.forEach((g, i) => {
      if (typeof g === 'string' && labelIndex.has(g)) goldIdx[i] = labelIndex.get(g)!;
    });
    const res = runCategorical(method, { nItems, nWorkers, nLabels: K, item: idx.item, worker: idx.worker, label, gold: goldIdx });
    const items = idx.itemIds.map((_, i) =>
      res.labels[i]! < 0 ? itemOut(i, null, null, null) : itemOut(i, labels[res.labels[i]!]!, res.confidence[i]!, null),
    );
    for (let w = 0; w < nWorkers; w++) quality[w] = Number.isNaN(res.workerQuality[w]!) ? null : round(res.workerQuality[w]!);
    if (res.confusion) {
      const m = res.confusion;
      confusion = idx.workerIds.map((_, w) =>
        Array.from({ length: K }, (_, c) => Array.from({ length: K }, (_, k) => round(m[w * K * K + c * K + k]!))),
      );
    }
    return { method, items, workers: workersOut() };
  }

  // labels: one yes/no question per label; the answer is the set of labels judged "yes".
  for (let a = 0; a < n; a++) {
    if (!Array.isArray(rows[a]!.answer))
      throw new AggregationInputError('invalid_answer', `Item ${rows[a]!.item}: the answer of ${rows[a]!.worker} is not a list of labels.`);
  }
  const yes: string[][] = idx.itemIds.map(() => []);
  const conf = new Float64Array(nItems).fill(1);
  const qualitySum = new Float64Array(nWorkers);
  const qualityN = new Int32Array(nWorkers);
  const label = new Int32Array(n);
  const goldIdx = new Int32Array(nItems);
  for (const name of labels) {
    for (let a = 0; a < n; a++) label[a] = (rows[a]!.answer as string[]).includes(name) ? 1 : 0;
    for (const [i, g] of goldOf.entries()) goldIdx[i] = Array.isArray(g) ? (g.includes(name) ? 1 : 0) : -1;
    const res = runCategorical(method, { nItems, nWorkers, nLabels: 2, item: idx.item, worker: idx.worker, label, gold: goldIdx });
    for (let i = 0; i < nItems; i++) {
      if (res.labels[i]! < 0) continue;
      if (res.labels[i] === 1) yes[i]!.push(name);
      conf[i]! *= res.confidence[i]!;
    }
    for (let w = 0; w < nWorkers; w++) {
      if (Number.isNaN(res.workerQuality[w]!)) continue;
      qualitySum[w]! += res.workerQuality[w]!;
      qualityN[w]! += 1;
    }
  }
  const items = idx.itemIds.map((_, i) => (counts[i] ? itemOut(i, yes[i]!, conf[i]!, null) : itemOut(i, null, null, null)));
  for (let w = 0; w < nWorkers; w++) quality[w] = qualityN[w] ? round(qualitySum[w]! / qualityN[w]!) : null;
  return { method, items, workers: workersOut() };
}

/**
 * Texts, item by item (no shared label set): majority vote over normalized texts, or weighted majority
 * vote with weights log(q/(1−q)), q a worker's smoothed agreement with the current answers, re-estimated
 * until the answers stop changing.
 */
function aggregateTexts(
  method: 'mv' | 'wmv',
  rows: { item: string; worker: string; answer: Answer }[],
  itemOrder: string[],
  gold: Map<string, Answer>,
  workers: Map<string, WorkerAggregate>,
  itemOut: (item: string, answer: Answer | null, confidence: number | null, stdError: number | null) => ItemAggregate,
): AggregateOutput {
  const byItem = new Map<string, { worker: string; key: string; text: string }[]>();
  for (const r of rows) {
    if (typeof r.answer !== 'string')
      throw new AggregationInputError('invalid_answer', `Item ${r.item}: the answer of ${r.worker} is not a text.`);
    const list = byItem.get(r.item) ?? [];
    list.push({ worker: r.worker, key: textKey(r.answer), text: r.answer.trim() });
    byItem.set(r.item, list);
  }
  const weight = new Map<string, number>();
  const decided = new Map<string, { key: string; text: string; confidence: number }>();
  const decide = () => {
    let changed = 0;
    for (const [item, list] of byItem) {
      const g = gold.get(item);
      if (typeof g === 'string') {
        decided.set(item, { key: textKey(g), text: g, confidence: 1 });
        continue;
      }
      const score = new Map<string, { s: number; text: string }>();
      for (const a of list) {
        const cur = score.get(a.key) ?? { s: 0, text: a.text };
        cur.s += method === 'mv' ? 1 : (weight.get(a.worker) ?? 1);
        score.set(a.key, cur);
      }
      let best: [string, { s: number; text: string }] | null = null;
      let total = 0;
      for (const e of score) {
        total += method === 'mv' ? e[1].s : Math.exp(e[1].s);
        if (!best || e[1].s > best[1].s || (e[1].s === best[1].s && e[0] < best[0])) best = e;
      }
      const conf = method === 'mv' ? best![1].s / total : Math.exp(best![1].s) / total;
      if (decided.get(item)?.key !== best![0]) changed++;
      decided.set(item, { key: best![0], text: best![1].text, confidence: conf });
    }
    return changed;
  };
  decide();
  if (method === 'wmv') {
    for (let it = 0; it < 50; it++) {
      const hits = new Map<string, [number, number]>();
      for (const [item, list] of byItem) {
        const d = decided.get(item)!;
        for (const a of list) {
          const h = hits.get(a.worker) ?? [0, 0];
          h[0] += a.key === d.key ? 1 : 0;
          h[1] += 1;
          hits.set(a.worker, h);
        }
      }
      for (const [w, [hit, n]] of hits) {
        const q = Math.min((hit + 1.4) / (n + 2), 0.999);
        weight.set(w, q > 0.5 ? Math.log(q / (1 - q)) : 0);
        workers.get(w)!.quality = round(q);
      }
      if (!decide()) break;
    }
  } else {
    const hits = new Map<string, number>();
    for (const [item, list] of byItem)
      for (const a of list) if (a.key === decided.get(item)!.key) hits.set(a.worker, (hits.get(a.worker) ?? 0) + 1);
    for (const w of workers.values()) w.quality = round((hits.get(w.worker) ?? 0) / w.answers);
  }
  const items = itemOrder.map((id) => {
    const d = decided.get(id);
    return d ? itemOut(id, d.text, d.confidence, null) : itemOut(id, null, null, null);
  });
  return { method, items, workers: [...workers.values()] };
}
