// One answer input per question kind, built from native controls so the keyboard works everywhere
// (radio groups move with the arrow keys, checkboxes toggle with Space, ranking moves with buttons).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '../../format';
import { PRICE_PARTS, type AnswerValue, type PriceValue, type Question } from './types';

export interface QuestionInputProps {
  question: Question;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  /** The id of the element naming the question (its prompt), for the group's accessible name. */
  labelledBy: string;
  error?: string | null;
}

/** The answer control of a question. */
export function QuestionInput(props: QuestionInputProps) {
  switch (props.question.kind) {
    case 'single':
      return <ChoiceInput {...props} multiple={false} />;
    case 'multiple':
      return <ChoiceInput {...props} multiple />;
    case 'scale':
      return <PointsInput {...props} from={1} to={props.question.scale ?? 5} />;
    case 'nps':
      return <PointsInput {...props} from={0} to={10} />;
    case 'number':
      return <NumberInput {...props} />;
    case 'text':
      return <TextInput {...props} />;
    case 'ranking':
      return <RankingInput {...props} />;
    case 'price':
      return <PriceInput {...props} />;
  }
}

function ChoiceInput({ question, value, onChange, labelledBy, multiple }: QuestionInputProps & { multiple: boolean }) {
  const name = useId();
  const chosen = multiple ? ((value as string[] | undefined) ?? []) : value;
  const choices = (
    <>
      {question.options.map((label) => {
        const checked = multiple ? (chosen as string[]).includes(label) : chosen === label;
        return (
          <label key={label} className={`sv-choice${checked ? ' is-checked' : ''}`}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              checked={checked}
              onChange={() => {
                if (!multiple) return onChange(label);
                const list = chosen as string[];
                onChange(checked ? list.filter((l) => l !== label) : question.options.filter((o) => o === label || list.includes(o)));
              }}
            />
            <span>{label}</span>
          </label>
        );
      })}
    </>
  );
  // Checkboxes are a group of their own (a fieldset); radio buttons share a radiogroup.
  return multiple ? (
    <fieldset aria-labelledby={labelledBy} className="sv-choices fieldset-bare">
      {choices}
    </fieldset>
  ) : (
    <div role="radiogroup" aria-labelledby={labelledBy} className="sv-choices">
      {choices}
    </div>
  );
}

function PointsInput({ question, value, onChange, labelledBy, from, to }: QuestionInputProps & { from: number; to: number }) {
  const { t } = useTranslation('surveys');
  const name = useId();
  const points = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const [low, high] =
    question.kind === 'nps' ? [t('answer.npsLow'), t('answer.npsHigh')] : question.options.length === 2 ? question.options : [null, null];
  return (
    <div>
      <div role="radiogroup" aria-labelledby={labelledBy} className="sv-points">
        {points.map((p) => (
          <label key={p} className={`sv-point${value === p ? ' is-checked' : ''}`}>
            <input type="radio" name={name} checked={value === p} onChange={() => onChange(p)} aria-label={String(p)} />
            <span aria-hidden="true">{p}</span>
          </label>
        ))}
      </div>
      {(low || high) && (
        <div className="sv-points-ends muted small" aria-hidden="true">
          <span>{low}</span>
          <span>{high}</span>
        </div>
      )}
    </div>
  );
}

function NumberInput({ question, value, onChange, labelledBy, error }: QuestionInputProps) {
  const { t } = useTranslation('surveys');
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const hint = question.min !== null && question.max !== null ? t('answer.between', { min: question.min, max: question.max }) : null;
  return (
    <div className="sv-inline">
      <input
        className="max-w-12"
        type="text"
        inputMode="decimal"
        aria-labelledby={labelledBy}
        aria-invalid={error ? true : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const cleaned = e.target.value.replace(/\s/g, '').replace(',', '.');
          onChange(cleaned === '' ? undefined : /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : (e.target.value as AnswerValue));
        }}
      />
      {hint && <span className="muted small">{hint}</span>}
    </div>
  );
}

function TextInput({ value, onChange, labelledBy }: QuestionInputProps) {
  return (
    <textarea
      aria-labelledby={labelledBy}
      value={(value as string | undefined) ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      maxLength={5000}
    />
  );
}

function RankingInput({ question, value, onChange, labelledBy }: QuestionInputProps) {
  const { t } = useTranslation('surveys');
  const order = (value as string[] | undefined) ?? question.options;
  const move = (i: number, by: number) => {
    const next = [...order];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  return (
    <div>
      <ol className="sv-ranking" aria-labelledby={labelledBy}>
        {order.map((label, i) => (
          <li key={label}>
            <span className="sv-rank">{i + 1}</span>
            <span className="sv-rank-label">{label}</span>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={t('answer.moveUp', { label })}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              disabled={i === order.length - 1}
              onClick={() => move(i, 1)}
              aria-label={t('answer.moveDown', { label })}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      {value === undefined && (
        <p className="muted small row">
          {t('answer.rankingHint')}
          <button type="button" className="btn btn-sm" onClick={() => onChange([...order])}>
            {t('answer.keepOrder')}
          </button>
        </p>
      )}
    </div>
  );
}

function PriceInput({ question, value, onChange, error }: QuestionInputProps) {
  const { t } = useTranslation('surveys');
  const currency = question.currency ?? 'EUR';
  const current = value as PriceValue | undefined;
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(PRICE_PARTS.map((p) => [p, current ? (current[p] / 100).toFixed(2) : ''])),
  );
  const update = (part: keyof PriceValue, text: string) => {
    const next = { ...texts, [part]: text };
    setTexts(next);
    const parsed = PRICE_PARTS.map((p) => parseMoney(next[p] ?? '', currency));
    if (parsed.every((v) => v !== null)) onChange(Object.fromEntries(PRICE_PARTS.map((p, i) => [p, parsed[i]])) as unknown as PriceValue);
    else onChange(PRICE_PARTS.some((p) => next[p]) ? ({ incomplete: true } as unknown as PriceValue) : undefined);
  };
  return (
    <div className="sv-price" aria-invalid={error ? true : undefined}>
      {PRICE_PARTS.map((part) => {
        const id = `${question.id}-${part}`;
        return (
          <div key={part} className="field">
            <label htmlFor={id}>{t(`answer.price.${part}`)}</label>
            <div className="sv-inline">
              <input
                className="max-w-9"
                id={id}
                type="text"
                inputMode="decimal"
                value={texts[part]}
                onChange={(e) => update(part, e.target.value)}
              />
              <span className="muted">{currency}</span>
            </div>
          </div>
        );
      })}
    </div>
  );
}

/**
 * The problem with an answer before sending it, or null: a missing required answer, a number out of range,
 * a price that is incomplete or not in order.
 */
export function answerProblem(
  q: Question,
  value: AnswerValue | undefined,
  t: (k: string, o?: Record<string, unknown>) => string,
): string | null {
  const empty = value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '');
  if (empty) return q.required ? t('answer.required') : null;
  if (q.kind === 'number') {
    if (typeof value !== 'number') return t('answer.notANumber');
    if (q.min !== null && value < q.min) return t('answer.atLeast', { min: q.min });
    if (q.max !== null && value > q.max) return t('answer.atMost', { max: q.max });
  }
  if (q.kind === 'multiple' && Array.isArray(value)) {
    if (q.max !== null && value.length > q.max) return t('answer.pickAtMost', { count: q.max });
    if (q.min !== null && value.length < q.min) return t('answer.pickAtLeast', { count: q.min });
  }
  if (q.kind === 'price') {
    const v = value as PriceValue & { incomplete?: boolean };
    if (v.incomplete) return t('answer.priceIncomplete');
    const amounts = PRICE_PARTS.map((p) => v[p]);
    if (amounts.some((a, i) => i > 0 && a < amounts[i - 1]!)) return t('answer.priceOrder');
  }
  return null;
}
