import type { CategoricalResult, NumericResult } from './types.js';
import { encodeCategorical, encodeNumeric } from './encode.js';
import { majorityVote } from './majority-vote.js';
import { weightedMajorityVote } from './weighted-majority-vote.js';
import { dawidSkene } from './dawid-skene.js';
import { glad } from './glad.js';
import { minimaxEntropy } from './minimax-entropy.js';
import { numericMean, numericMedian, numericRobust } from './numeric.js';

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
  if (kind === 'labels') return Array.isArray(a) && Array.isArray(b) && a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  if (kind === 'text') return typeof a === 'string' && typeof b === 'string' && textKey(a) === textKey(b);
  return a === b;
}

const finite = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
const round = (x: number) => Math.round(x * 1e6) / 1e6;

function runCategorical(method: AggregationMethod, data: Parameters<typeof dawidSkene>[0]): CategoricalResult {
  switch (method) {
    case 'mv':
      return majorityVote(data);
    case 'wmv':
      return weightedMajorityVote(data);
    case 'ds':
      return dawidSkene(data);
    case 'glad':
      return glad(data);
    case 'mme':
      return minimaxEntropy(data);
    default:
      throw new AggregationInputError('method_not_suited', `The method "${method}" does not aggregate labels.`);
  }
}

function runNumeric(method: AggregationMethod, data: Parameters<typeof numericMean>[0]): NumericResult {
  if (method === 'mean') return numericMean(data);
  if (method === 'median') return numericMedian(data);
  return numericRobust(data);
}

/**
 * Aggregates a batch's answers with one method: per item the answer, its confidence and how many answers
 * it rests on; per worker their answers, gold accuracy and the method's quality estimate (the confusion
 * matrix with Dawid–Skene). `labels` kinds (several labels an answer) are aggregated as one yes/no
 * question per label; texts are compared without case or extra spaces. Gold items keep their known answer.
 * Throws AggregationInputError when the method does not suit the kind or an answer does not fit it.
 * @example
 * aggregateAnswers({ kind: 'label', labels: ['cat', 'dog'], method: 'ds',
 *   answers: [{ item: 'i1', worker: 'w1', answer: 'cat' }] }).items[0] // { item: 'i1', answer: 'cat', … }
 */
export function aggregateAnswers(input: AggregateInput): AggregateOutput {
  const { kind } = input;
  const method = input.method ?? defaultMethod(kind);
  if (!METHODS_BY_KIND[kind].includes(method)) {
    throw new AggregationInputError('method_not_suited', `The method "${method}" does not suit ${kind} answers: use one of ${METHODS_BY_KIND[kind].join(', ')}.`);
  }
  const rows = [...input.answers];
  const gold = input.gold ?? new Map<string, Answer>();
  const itemOrder = [...(input.items ?? [])];
  const known = new Set(itemOrder);
  for (const r of rows) if (!known.has(r.item)) (known.add(r.item), itemOrder.push(r.item));

  // Per worker: answers and gold results, whatever the method.
  const workers = new Map<string, WorkerAggregate>();
  const counts = new Map<string, number>();
  for (const r of rows) {
    let w = workers.get(r.worker);
    if (!w) workers.set(r.worker, (w = { worker: r.worker, answers: 0, goldAnswers: 0, goldCorrect: 0, goldAccuracy: null, quality: null, confusion: null }));
    w.answers++;
    counts.set(r.item, (counts.get(r.item) ?? 0) + 1);
    const g = gold.get(r.item);
    if (g !== undefined) {
      w.goldAnswers++;
      if (sameAnswer(kind, r.answer, g)) w.goldCorrect++;
    }
  }
  for (const w of workers.values()) w.goldAccuracy = w.goldAnswers ? w.goldCorrect / w.goldAnswers : null;
  const itemOut = (item: string, answer: Answer | null, confidence: number | null, stdError: number | null): ItemAggregate => ({
    item,
    answer,
    confidence: confidence === null ? null : round(confidence),
    stdError: stdError === null ? null : round(stdError),
    answers: counts.get(item) ?? 0,
    gold: gold.has(item),
  });

  if (kind === 'number') {
    const enc = encodeNumeric(
      rows.map((r) => {
        if (typeof r.answer !== 'number') throw new AggregationInputError('invalid_answer', `Item ${r.item}: the answer of ${r.worker} is not a number.`);
        return { item: r.item, worker: r.worker, answer: r.answer };
      }),
      { items: itemOrder },
    );
    const res = runNumeric(method, enc.data);
    const items = enc.itemIds.map((id, i) => {
      const g = gold.get(id);
      if (typeof g === 'number') return itemOut(id, g, null, 0);
      return itemOut(id, finite(res.values[i]), null, finite(res.stdError[i]));
    });
    enc.workerIds.forEach((id, w) => (workers.get(id)!.quality = res.workerSd ? finite(res.workerSd[w]) : null));
    return { method, items, workers: [...workers.values()] };
  }

  if (kind === 'text') return aggregateTexts(method as 'mv' | 'wmv', rows, itemOrder, gold, workers, itemOut);

  const labels = input.labels ?? [];
  if (kind === 'label') {
    const goldLabels = new Map<string, string>();
    for (const [item, g] of gold) if (typeof g === 'string') goldLabels.set(item, g);
    let enc;
    try {
      enc = encodeCategorical(
        rows.map((r) => ({ item: r.item, worker: r.worker, answer: String(r.answer) })),
        { labels, items: itemOrder, gold: goldLabels },
      );
    } catch (e) {
      throw new AggregationInputError('invalid_answer', (e as Error).message);
    }
    const res = runCategorical(method, enc.data);
    const K = enc.data.nLabels;
    const items = enc.itemIds.map((id, i) => (res.labels[i]! < 0 ? itemOut(id, null, null, null) : itemOut(id, labels[res.labels[i]!]!, res.confidence[i]!, null)));
    enc.workerIds.forEach((id, w) => {
      const out = workers.get(id)!;
      out.quality = finite(res.workerQuality[w]) === null ? null : round(res.workerQuality[w]!);
      if (res.confusion) {
        out.confusion = Array.from({ length: K }, (_, c) => Array.from({ length: K }, (_, k) => round(res.confusion![w * K * K + c * K + k]!)));
      }
    });
    return { method, items, workers: [...workers.values()] };
  }

  // labels: one yes/no question per label; the answer is the set of labels judged "yes".
  for (const r of rows) {
    if (!Array.isArray(r.answer)) throw new AggregationInputError('invalid_answer', `Item ${r.item}: the answer of ${r.worker} is not a list of labels.`);
  }
  const yes = new Map<string, string[]>();
  const confidence = new Map<string, number>();
  const qualitySum = new Map<string, number>();
  for (const label of labels) {
    const goldYes = new Map<string, string>();
    for (const [item, g] of gold) if (Array.isArray(g)) goldYes.set(item, g.includes(label) ? 'yes' : 'no');
    const enc = encodeCategorical(
      rows.map((r) => ({ item: r.item, worker: r.worker, answer: (r.answer as string[]).includes(label) ? 'yes' : 'no' })),
      { labels: ['no', 'yes'], items: itemOrder, gold: goldYes },
    );
    const res = runCategorical(method, enc.data);
    enc.itemIds.forEach((id, i) => {
      if (res.labels[i]! < 0) return;
      if (res.labels[i] === 1) yes.set(id, [...(yes.get(id) ?? []), label]);
      confidence.set(id, (confidence.get(id) ?? 1) * res.confidence[i]!);
    });
    enc.workerIds.forEach((id, w) => {
      if (!Number.isNaN(res.workerQuality[w]!)) qualitySum.set(id, (qualitySum.get(id) ?? 0) + res.workerQuality[w]!);
    });
  }
  const items = itemOrder.map((id) => (counts.get(id) ? itemOut(id, yes.get(id) ?? [], confidence.get(id) ?? null, null) : itemOut(id, null, null, null)));
  for (const [id, sum] of qualitySum) workers.get(id)!.quality = labels.length ? round(sum / labels.length) : null;
  return { method, items, workers: [...workers.values()] };
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
    if (typeof r.answer !== 'string') throw new AggregationInputError('invalid_answer', `Item ${r.item}: the answer of ${r.worker} is not a text.`);
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
    for (const [item, list] of byItem) for (const a of list) if (a.key === decided.get(item)!.key) hits.set(a.worker, (hits.get(a.worker) ?? 0) + 1);
    for (const w of workers.values()) w.quality = round((hits.get(w.worker) ?? 0) / w.answers);
  }
  const items = itemOrder.map((id) => {
    const d = decided.get(id);
    return d ? itemOut(id, d.text, d.confidence, null) : itemOut(id, null, null, null);
  });
  return { method, items, workers: [...workers.values()] };
}
