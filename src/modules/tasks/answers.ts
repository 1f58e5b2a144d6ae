// Answers checked against a batch's answer kind, in one canonical form, and compared.
import type { AnswerKind, TaskAnswer } from './batch-queries.js';

export interface AnswerSpec {
  kind: AnswerKind;
  labels: string[];
}

export type Parsed = { ok: true; value: TaskAnswer } | { ok: false; message: string };

const MAX_TEXT = 5000;

/**
 * Checks one answer against the kind and returns its canonical form (labels in the batch's label order,
 * trimmed text). `fromText` accepts the spellings of a CSV cell: "12.5" for a number, "a|b" or a JSON list for labels.
 * @example parseAnswer({ kind: 'label', labels: ['cat', 'dog'] }, 'dog') // { ok: true, value: 'dog' }
 */
export function parseAnswer(spec: AnswerSpec, raw: unknown, fromText = false): Parsed {
  switch (spec.kind) {
    case 'label': {
      if (typeof raw !== 'string') return { ok: false, message: 'must be one of the labels (a string)' };
      const v = raw.trim();
      return spec.labels.includes(v)
        ? { ok: true, value: v }
        : { ok: false, message: `"${v.slice(0, 100)}" is not one of the labels: ${spec.labels.join(', ')}` };
    }
    case 'labels': {
      let list: unknown = raw;
      if (fromText && typeof raw === 'string') {
        const s = raw.trim();
        if (s.startsWith('[')) {
          try {
            list = JSON.parse(s);
          } catch {
            return { ok: false, message: 'is not a valid JSON list of labels' };
          }
        } else list = s === '' ? [] : s.split('|').map((x) => x.trim());
      }
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) return { ok: false, message: 'must be a list of labels' };
      const chosen = new Set((list as string[]).map((x) => x.trim()));
      if (chosen.size !== list.length) return { ok: false, message: 'names a label twice' };
      const unknown = [...chosen].find((x) => !spec.labels.includes(x));
      if (unknown !== undefined)
        return { ok: false, message: `"${unknown.slice(0, 100)}" is not one of the labels: ${spec.labels.join(', ')}` };
      return { ok: true, value: spec.labels.filter((l) => chosen.has(l)) };
    }
    case 'number': {
      let n: unknown = raw;
      if (fromText && typeof raw === 'string' && raw.trim() !== '') n = Number(raw.trim());
      if (typeof n !== 'number' || !Number.isFinite(n)) return { ok: false, message: 'must be a finite number' };
      return { ok: true, value: n };
    }
    case 'text': {
      if (typeof raw !== 'string' || !raw.trim()) return { ok: false, message: 'must be a non-empty text' };
      if (raw.length > MAX_TEXT) return { ok: false, message: `must be at most ${MAX_TEXT} characters` };
      return { ok: true, value: raw.trim() };
    }
  }
}

/**
 * A key under which equal answers group together: texts compare without case or repeated spaces.
 * @example answerKey('text', '  Hello   World ') === answerKey('text', 'hello world')
 */
export function answerKey(kind: AnswerKind, answer: TaskAnswer): string {
  if (kind === 'labels') return JSON.stringify(answer);
  if (kind === 'text') return String(answer).toLowerCase().replace(/\s+/g, ' ').trim();
  return String(answer);
}

/** Whether an answer matches a gold (known) answer. */
export function matchesGold(kind: AnswerKind, answer: TaskAnswer, gold: TaskAnswer): boolean {
  return answerKey(kind, answer) === answerKey(kind, gold);
}

/**
 * The leading answer's share of the answers (the confidence that decides dynamic overlap).
 * @example leadingShare([3, 1]) === 0.75
 */
export function leadingShare(counts: number[]): number {
  const total = counts.reduce((s, c) => s + c, 0);
  return total ? Math.max(...counts) / total : 0;
}
