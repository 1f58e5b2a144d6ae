import type { CategoricalAnswers, NumericAnswers } from './types.js';

/** One answer with the caller's own ids. */
export interface AnswerRow<A = string> {
  item: string;
  worker: string;
  answer: A;
}

export interface Encoded<T> {
  data: T;
  itemIds: string[];
  workerIds: string[];
}

function indexer() {
  const ids: string[] = [];
  const map = new Map<string, number>();
  return {
    ids,
    map,
    of(id: string): number {
      let n = map.get(id);
      if (n === undefined) {
        n = ids.length;
        map.set(id, n);
        ids.push(id);
      }
      return n;
    },
  };
}

/**
 * Numbers items, workers and labels of answer rows for the categorical methods.
 * `labels` fixes the label order (answers outside it are rejected); without it labels are numbered in
 * order of first appearance. `items` lists items that must appear even without answers; `gold` maps an
 * item id to its known label.
 * @example
 * const { data, itemIds, labels } = encodeCategorical([{ item: 'a', worker: 'w1', answer: 'cat' }])
 */
export function encodeCategorical(
  rows: Iterable<AnswerRow>,
  opts: { labels?: string[]; items?: string[]; gold?: Map<string, string> } = {},
): Encoded<CategoricalAnswers> & { labels: string[] } {
  const items = indexer();
  const workers = indexer();
  const labels = indexer();
  for (const l of opts.labels ?? []) labels.of(l);
  for (const i of opts.items ?? []) items.of(i);
  const it: number[] = [];
  const wk: number[] = [];
  const lb: number[] = [];
  for (const r of rows) {
    if (opts.labels && !labels.map.has(r.answer)) throw new RangeError(`answer "${r.answer}" is not one of the labels`);
    it.push(items.of(r.item));
    wk.push(workers.of(r.worker));
    lb.push(labels.of(r.answer));
  }
  let gold: Int32Array | undefined;
  if (opts.gold?.size) {
    gold = new Int32Array(items.ids.length).fill(-1);
    for (const [id, answer] of opts.gold) {
      const i = items.map.get(id);
      const l = labels.map.get(answer);
      if (i !== undefined && l !== undefined) gold[i] = l;
    }
  }
  return {
    data: {
      nItems: items.ids.length,
      nWorkers: workers.ids.length,
      nLabels: Math.max(labels.ids.length, 1),
      item: Int32Array.from(it),
      worker: Int32Array.from(wk),
      label: Int32Array.from(lb),
      ...(gold ? { gold } : {}),
    },
    itemIds: items.ids,
    workerIds: workers.ids,
    labels: labels.ids,
  };
}

/**
 * Numbers items and workers of numeric answer rows.
 * @example encodeNumeric([{ item: 'a', worker: 'w1', answer: 12.5 }]).data.value // Float64Array [12.5]
 */
export function encodeNumeric(rows: Iterable<AnswerRow<number>>, opts: { items?: string[] } = {}): Encoded<NumericAnswers> {
  const items = indexer();
  const workers = indexer();
  for (const i of opts.items ?? []) items.of(i);
  const it: number[] = [];
  const wk: number[] = [];
  const vs: number[] = [];
  for (const r of rows) {
    if (!Number.isFinite(r.answer)) throw new RangeError(`answer ${r.answer} is not a finite number`);
    it.push(items.of(r.item));
    wk.push(workers.of(r.worker));
    vs.push(r.answer);
  }
  return {
    data: {
      nItems: items.ids.length,
      nWorkers: workers.ids.length,
      item: Int32Array.from(it),
      worker: Int32Array.from(wk),
      value: Float64Array.from(vs),
    },
    itemIds: items.ids,
    workerIds: workers.ids,
  };
}
