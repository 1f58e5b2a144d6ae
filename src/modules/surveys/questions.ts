// Question kinds: how each is defined, how an answer is checked, and how it is stored as answer rows and read back.
import { z } from 'zod';
import { ZCurrency } from '../../http/schemas.js';
import { PRICE_PARTS, type PriceAnswer } from '../../lib/statistics/price-sensitivity.js';

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'nps', 'number', 'text', 'ranking', 'price'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const CHOICE_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'ranking'];
export const MAX_OPTIONS = 30;
export const MAX_TEXT = 5000;
export const MAX_PRICE = 1_000_000_000_00;

/**
 * A question as a host writes it. `options`: the labels of a single, multiple or ranking question (2–30, distinct),
 * or two optional end labels of a scale ("Disagree", "Agree"). `scale`: the top of a rating scale 1…scale (2–10,
 * default 5). `min`/`max`: bounds of a number answer, or how many options a multiple-choice answer may pick.
 * `currency`: the currency of a price question's amounts (minor units). `intent`: this question measures intent to
 * back, for the validation panel: a single choice whose FIRST option means "I would back it", or a rating scale whose
 * top two points do (top-two-box); at most one per survey.
 */
export const ZQuestionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    prompt: z.string().trim().min(1, 'is required').max(500),
    options: z.array(z.string().trim().min(1, 'must not be empty').max(200)).max(MAX_OPTIONS).optional(),
    required: z.boolean().default(false),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    scale: z.number().int().min(2).max(10).optional(),
    currency: ZCurrency.optional(),
    intent: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const isChoice = CHOICE_KINDS.includes(q.kind);
    if (isChoice) {
      if (!q.options || q.options.length < 2) issue('options', `a ${q.kind} question needs at least 2 options`);
      else if (new Set(q.options).size !== q.options.length) issue('options', 'options must be distinct');
    } else if (q.kind === 'scale') {
      if (q.options && q.options.length !== 0 && q.options.length !== 2)
        issue('options', 'a scale takes either no labels or two end labels');
    } else if (q.options?.length) issue('options', `a ${q.kind} question has no options`);
    if (q.scale !== undefined && q.kind !== 'scale') issue('scale', 'only a scale question has a scale');
    if (q.currency === undefined && q.kind === 'price') issue('currency', 'a price question needs a currency');
    if (q.currency !== undefined && q.kind !== 'price') issue('currency', 'only a price question has a currency');
    if (q.intent && q.kind !== 'single' && q.kind !== 'scale')
      issue('intent', 'only a single choice or a scale question can measure intent to back');
    if (q.min !== undefined || q.max !== undefined) {
      if (q.kind === 'multiple') {
        const n = q.options?.length ?? 0;
        for (const key of ['min', 'max'] as const) {
          const v = q[key];
          if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > n))
            issue(key, `must be a whole number of options between 0 and ${n}`);
        }
      } else if (q.kind !== 'number') issue(q.min !== undefined ? 'min' : 'max', `a ${q.kind} question takes no bounds`);
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) issue('max', 'must not be below min');
    }
  });
export type QuestionInput = z.infer<typeof ZQuestionInput>;

/** A stored question, as the answer code needs it. */
export interface Question {
  id: string;
  seq: number;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  required: boolean;
  min: number | null;
  max: number | null;
  scale: number | null;
  currency: string | null;
  intent: boolean;
}

/** One stored answer row (see the survey_answers table). */
export interface AnswerRow {
  questionSeq: number;
  item: number;
  num: number;
  textValue: string | null;
}

/** The answer value shapes, by kind (what POST /surveys/{id}/responses takes and GET answers back). */
export type AnswerValue = string | number | string[] | PriceAnswer;

/** The top of a scale question (1…scale). */
export const scaleTop = (q: Pick<Question, 'scale'>) => q.scale ?? 5;

/**
 * Checks one answer against its question and encodes it as rows; returns a message for the person on a bad value.
 * A null or absent value, an empty text or an empty selection means "not answered" (rows: []).
 * @example encodeAnswer({ kind: 'single', options: ['Yes', 'No'], … }, 'No') // { rows: [{ item: 1, num: 0, … }] }
 */
export function encodeAnswer(q: Question, value: unknown): { rows: AnswerRow[] } | { error: string } {
  const row = (item: number, num: number, textValue: string | null = null): AnswerRow => ({ questionSeq: q.seq, item, num, textValue });
  if (value === null || value === undefined) return { rows: [] };
  const optionIndex = (label: unknown) => (typeof label === 'string' ? q.options.indexOf(label) : -1);
  const listOfLabels = (v: unknown): number[] | string => {
    if (!Array.isArray(v)) return 'must be a list of option labels';
    const indexes = v.map(optionIndex);
    const bad = v.find((_label, i) => indexes[i] === -1);
    if (bad !== undefined) return `${JSON.stringify(bad)} is not one of the options`;
    if (new Set(indexes).size !== indexes.length) return 'must not name an option twice';
    return indexes;
  };
  switch (q.kind) {
    case 'single': {
      if (typeof value !== 'string') return { error: 'must be one option label' };
      const i = optionIndex(value);
      return i === -1 ? { error: `${JSON.stringify(value)} is not one of the options` } : { rows: [row(i, 0)] };
    }
    case 'multiple': {
      const indexes = listOfLabels(value);
      if (typeof indexes === 'string') return { error: indexes };
      if (!indexes.length) return { rows: [] };
      if (q.min !== null && indexes.length < q.min) return { error: `must pick at least ${q.min} options` };
      if (q.max !== null && indexes.length > q.max) return { error: `must pick at most ${q.max} options` };
      // One row with a bit mask of the chosen options: results group by mask, then count per option.
      return {
        rows: [
          row(
            0,
            indexes.reduce((mask, i) => mask + 2 ** i, 0),
          ),
        ],
      };
    }
    case 'ranking': {
      const indexes = listOfLabels(value);
      if (typeof indexes === 'string') return { error: indexes };
      if (!indexes.length) return { rows: [] };
      if (indexes.length !== q.options.length) return { error: `must rank all ${q.options.length} options, best first` };
      return { rows: indexes.map((option, position) => row(option, position)) };
    }
    case 'scale': {
      const top = scaleTop(q);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > top)
        return { error: `must be a whole number from 1 to ${top}` };
      return { rows: [row(0, value)] };
    }
    case 'nps': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10)
        return { error: 'must be a whole number from 0 to 10' };
      return { rows: [row(0, value)] };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'must be a number' };
      if (q.min !== null && value < q.min) return { error: `must be at least ${q.min}` };
      if (q.max !== null && value > q.max) return { error: `must be at most ${q.max}` };
      return { rows: [row(0, value)] };
    }
    case 'text': {
      if (typeof value !== 'string') return { error: 'must be text' };
      const text = value.trim();
      if (!text) return { rows: [] };
      if (text.length > MAX_TEXT) return { error: `must be at most ${MAX_TEXT} characters` };
      return { rows: [row(0, 0, text)] };
    }
    case 'price': {
      if (typeof value !== 'object' || Array.isArray(value))
        return { error: 'must be {tooCheap, cheap, expensive, tooExpensive} in minor units' };
      const v = value as Record<string, unknown>;
      const amounts: number[] = [];
      for (const part of PRICE_PARTS) {
        const a = v[part];
        if (typeof a !== 'number' || !Number.isInteger(a) || a < 0 || a > MAX_PRICE)
          return { error: `${part} must be a whole amount in minor units` };
        amounts.push(a);
      }
      if (Object.keys(v).some((k) => !(PRICE_PARTS as readonly string[]).includes(k)))
        return { error: 'has fields other than tooCheap, cheap, expensive, tooExpensive' };
      if (amounts.some((a, i) => i > 0 && a < amounts[i - 1]!))
        return { error: 'must be ordered: tooCheap ≤ cheap ≤ expensive ≤ tooExpensive' };
      return { rows: amounts.map((a, part) => row(part, a)) };
    }
  }
}

/**
 * Reads a question's stored rows back into the value a person sent.
 * @example decodeAnswer(q, [{ item: 1, num: 0 }]) // 'No'
 */
export function decodeAnswer(q: Question, rows: readonly Pick<AnswerRow, 'item' | 'num' | 'textValue'>[]): AnswerValue | null {
  if (!rows.length) return null;
  const first = rows[0]!;
  switch (q.kind) {
    case 'single':
      return q.options[first.item] ?? null;
    case 'multiple':
      return q.options.filter((_, i) => Math.floor(first.num / 2 ** i) % 2 === 1);
    case 'ranking':
      return [...rows].sort((a, b) => a.num - b.num).map((r) => q.options[r.item]!);
    case 'scale':
    case 'nps':
    case 'number':
      return first.num;
    case 'text':
      return first.textValue ?? '';
    case 'price': {
      const byPart = new Map(rows.map((r) => [r.item, r.num]));
      return { tooCheap: byPart.get(0)!, cheap: byPart.get(1)!, expensive: byPart.get(2)!, tooExpensive: byPart.get(3)! };
    }
  }
}

/** The options chosen in a multiple-choice bit mask. */
export function maskOptions(mask: number, optionCount: number): number[] {
  const chosen: number[] = [];
  for (let i = 0; i < optionCount; i++) if (Math.floor(mask / 2 ** i) % 2 === 1) chosen.push(i);
  return chosen;
}
