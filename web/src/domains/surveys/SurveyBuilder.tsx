// The survey builder (hosts): title and settings, questions of every kind with their options, reordering,
// then save as a draft or save and open. /p/:slug/surveys/new creates; /surveys/:id/edit edits a draft.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { ErrorBanner, Field, Loading, RequireSignIn, useApi, usePageTitle, bindValue } from '../../components';
import { QUESTION_KINDS, type Question, type QuestionKind, type Survey } from './types';

interface Draft {
  key: number;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  /** One key per option (same order), so that removing an option leaves the others' inputs in place. */
  optionKeys: number[];
  required: boolean;
  min: string;
  max: string;
  scale: number;
  currency: string;
  intent: boolean;
}

let nextKey = 1;
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD'];
const hasOptions = (k: QuestionKind) => k === 'single' || k === 'multiple' || k === 'ranking';

function blank(kind: QuestionKind): Draft {
  return {
    key: nextKey++,
    kind,
    prompt: '',
    options: hasOptions(kind) ? ['', ''] : [],
    optionKeys: hasOptions(kind) ? [nextKey++, nextKey++] : [],
    required: false,
    min: '',
    max: '',
    scale: 5,
    currency: 'EUR',
    intent: false,
  };
}

function fromQuestion(q: Question): Draft {
  return {
    key: nextKey++,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options,
    optionKeys: q.options.map(() => nextKey++),
    required: q.required,
    min: q.min === null ? '' : String(q.min),
    max: q.max === null ? '' : String(q.max),
    scale: q.scale ?? 5,
    currency: q.currency ?? 'EUR',
    intent: q.intent,
  };
}

function toRequest(d: Draft) {
  const bounds = d.kind === 'number' || d.kind === 'multiple';
  const ends = d.kind === 'scale' && d.options.some((o) => o.trim());
  return {
    kind: d.kind,
    prompt: d.prompt,
    required: d.required,
    ...(hasOptions(d.kind) ? { options: d.options } : ends ? { options: d.options } : {}),
    ...(bounds && d.min.trim() !== '' ? { min: Number(d.min.replace(',', '.')) } : {}),
    ...(bounds && d.max.trim() !== '' ? { max: Number(d.max.replace(',', '.')) } : {}),
    ...(d.kind === 'scale' ? { scale: d.scale } : {}),
    ...(d.kind === 'price' ? { currency: d.currency } : {}),
    ...((d.kind === 'single' || d.kind === 'scale') && d.intent ? { intent: true } : {}),
  };
}

/** The API's message for body.<path> (e.g. questions.2.options), or null. */
function problemAt(error: unknown, path: string): string | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return null;
  const hit = (error.details as { field?: string; message?: string }[]).find(
    (d) => d.field === `body.${path}` || d.field?.startsWith(`body.${path}.`),
  );
  return hit?.message ?? null;
}

export function NewSurveyPage() {
  const { slug } = useParams();
  return (
    <RequireSignIn>
      <Builder projectRef={slug!} />
    </RequireSignIn>
  );
}

export function EditSurveyPage() {
  const { id } = useParams();
  const { data, error, loading } = useApi<Survey>(`/surveys/${encodeURIComponent(id!)}`);
  if (loading) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} />;
  return (
    <RequireSignIn>
      <Builder existing={data} />
    </RequireSignIn>
  );
}

function Builder({ projectRef, existing }: { projectRef?: string; existing?: Survey }) {
  const { t } = useTranslation('surveys');
  const navigate = useNavigate();
  usePageTitle(existing ? t('builder.editTitle') : t('builder.newTitle'));
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [anonymous, setAnonymous] = useState(existing?.anonymous ?? false);
  const [resultsPublic, setResultsPublic] = useState(existing?.resultsPublic ?? false);
  const [questions, setQuestions] = useState<Draft[]>(() => (existing ? existing.questions.map(fromQuestion) : [blank('single')]));
  const [addKind, setAddKind] = useState<QuestionKind>('single');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [focusKey, setFocusKey] = useState<number | null>(null);

  useEffect(() => {
    if (focusKey !== null) document.getElementById(`q-${focusKey}-prompt`)?.focus();
  }, [focusKey]);

  const update = (key: number, patch: Partial<Draft>) => setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...patch } : q)));
  const move = (i: number, by: number) =>
    setQuestions((qs) => {
      const next = [...qs];
      const [q] = next.splice(i, 1);
      next.splice(i + by, 0, q!);
      return next;
    });

  const save = async (open: boolean) => {
    setSaving(true);
    setError(null);
    const body = { title, description, anonymous, resultsPublic, questions: questions.map(toRequest) };
    try {
      const saved = existing
        ? await api<Survey>('PATCH', `/surveys/${existing.id}`, body)
        : await api<Survey>('POST', `/projects/${encodeURIComponent(projectRef!)}/surveys`, body);
      // Saved: go to the survey even if opening fails (its page shows the Open button again).
      if (open) await api('POST', `/surveys/${saved.id}/open`).catch(() => undefined);
      navigate(`/surveys/${saved.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  return (
    <form className="medium stack" onSubmit={onSubmit} noValidate>
      <div className="page-head">
        <h1>{existing ? t('builder.editTitle') : t('builder.newTitle')}</h1>
        <Link to={existing ? `/surveys/${existing.id}` : `/p/${projectRef}/surveys`}>{t('builder.cancel')}</Link>
      </div>
      <div className="card stack">
        <Field
          type="text"
          label={t('builder.title')}
          {...bindValue(title, setTitle)}
          error={problemAt(error, 'title')}
          required
          maxLength={200}
        />
        <Field label={t('builder.description')} hint={t('builder.descriptionHint')}>
          <textarea {...bindValue(description, setDescription)} />
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            disabled={existing !== undefined && existing.status !== 'draft'}
          />
          {t('builder.anonymous')}
        </label>
        <p className="muted small consent-note">{t('builder.anonymousHint')}</p>
        <label className="checkbox">
          <input type="checkbox" checked={resultsPublic} onChange={(e) => setResultsPublic(e.target.checked)} />
          {t('builder.resultsPublic')}
        </label>
      </div>

      <h2>{t('builder.questions')}</h2>
      {problemAt(error, 'questions') && !questions.some((_, i) => problemAt(error, `questions.${i}`)) && (
        <p className="field-error text-danger" role="alert">
          {problemAt(error, 'questions')}
        </p>
      )}
      <ol className="sv-builder-list">
        {questions.map((q, i) => (
          <li key={q.key} className="card stack-sm" aria-label={t('builder.questionN', { n: i + 1 })}>
            <div className="row-between">
              <strong>{t('builder.questionN', { n: i + 1 })}</strong>
              <div className="row">
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('builder.moveUp', { n: i + 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  disabled={i === questions.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('builder.moveDown', { n: i + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-danger btn-sm"
                  onClick={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}
                  aria-label={t('builder.removeN', { n: i + 1 })}
                >
                  {t('builder.remove')}
                </button>
              </div>
            </div>
            <div className="sv-builder-row">
              <Field label={t('builder.kind')}>
                <select
                  value={q.kind}
                  onChange={(e) => {
                    const kind = e.target.value as QuestionKind;
                    const options = hasOptions(kind) ? (q.options.length >= 2 ? q.options : ['', '']) : [];
                    update(q.key, { kind, options, optionKeys: options.map((_, k) => q.optionKeys[k] ?? nextKey++), intent: false });
                  }}
                >
                  {QUESTION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                type="text"
                id={`q-${q.key}-prompt`}
                label={t('builder.prompt')}
                value={q.prompt}
                onChange={(e) => update(q.key, { prompt: e.target.value })}
                error={problemAt(error, `questions.${i}.prompt`)}
                required
                maxLength={500}
              />
            </div>
            <p className="muted small m-0">{t(`kindHints.${q.kind}`)}</p>
            {hasOptions(q.kind) && (
              <fieldset>
                <legend>{t('builder.options')}</legend>
                <div className="stack-sm">
                  {q.options.map((o, oi) => (
                    <div key={q.optionKeys[oi]} className="row">
                      <input
                        className="grow"
                        type="text"
                        value={o}
                        aria-label={t('builder.optionN', { n: oi + 1 })}
                        onChange={(e) => update(q.key, { options: q.options.map((x, xi) => (xi === oi ? e.target.value : x)) })}
                        maxLength={200}
                      />
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm"
                        disabled={q.options.length <= 2}
                        onClick={() =>
                          update(q.key, {
                            options: q.options.filter((_, xi) => xi !== oi),
                            optionKeys: q.optionKeys.filter((_, xi) => xi !== oi),
                          })
                        }
                        aria-label={t('builder.removeOption', { n: oi + 1 })}
                      >
                        ✕
                      </button>
                    </div>
                  ))}
                  <div>
                    <button
                      type="button"
                      className="btn btn-sm"
                      onClick={() => update(q.key, { options: [...q.options, ''], optionKeys: [...q.optionKeys, nextKey++] })}
                      disabled={q.options.length >= 30}
                    >
                      {t('builder.addOption')}
                    </button>
                  </div>
                  {problemAt(error, `questions.${i}.options`) && (
                    <span className="field-error">{problemAt(error, `questions.${i}.options`)}</span>
                  )}
                </div>
              </fieldset>
            )}
            {q.kind === 'scale' && (
              <div className="sv-builder-row">
                <Field label={t('builder.scale')} error={problemAt(error, `questions.${i}.scale`)}>
                  <select value={q.scale} onChange={(e) => update(q.key, { scale: Number(e.target.value) })}>
                    {[3, 4, 5, 6, 7, 10].map((n) => (
                      <option key={n} value={n}>
                        1–{n}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field
                  type="text"
                  label={t('builder.lowLabel')}
                  value={q.options[0] ?? ''}
                  onChange={(e) => update(q.key, { options: [e.target.value, q.options[1] ?? ''] })}
                  error={problemAt(error, `questions.${i}.options`)}
                />
                <Field
                  type="text"
                  label={t('builder.highLabel')}
                  value={q.options[1] ?? ''}
                  onChange={(e) => update(q.key, { options: [q.options[0] ?? '', e.target.value] })}
                />
              </div>
            )}
            {(q.kind === 'number' || q.kind === 'multiple') && (
              <div className="sv-builder-row">
                <Field
                  type="text"
                  label={q.kind === 'number' ? t('builder.min') : t('builder.minPick')}
                  inputMode="decimal"
                  value={q.min}
                  onChange={(e) => update(q.key, { min: e.target.value })}
                  error={problemAt(error, `questions.${i}.min`)}
                />
                <Field
                  type="text"
                  label={q.kind === 'number' ? t('builder.max') : t('builder.maxPick')}
                  inputMode="decimal"
                  value={q.max}
                  onChange={(e) => update(q.key, { max: e.target.value })}
                  error={problemAt(error, `questions.${i}.max`)}
                />
              </div>
            )}
            {q.kind === 'price' && (
              <Field label={t('builder.currency')} error={problemAt(error, `questions.${i}.currency`)}>
                <select value={q.currency} onChange={(e) => update(q.key, { currency: e.target.value })}>
                  {CURRENCIES.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </Field>
            )}
            <div className="row">
              <label className="checkbox">
                <input type="checkbox" checked={q.required} onChange={(e) => update(q.key, { required: e.target.checked })} />
                {t('builder.required')}
              </label>
              {(q.kind === 'single' || q.kind === 'scale') && (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={q.intent}
                    onChange={(e) =>
                      setQuestions((qs) =>
                        qs.map((x) => ({ ...x, intent: x.key === q.key ? e.target.checked : e.target.checked ? false : x.intent })),
                      )
                    }
                  />
                  {t('builder.intent')}
                </label>
              )}
            </div>
            {q.intent && (
              <p className="muted small m-0">{q.kind === 'single' ? t('builder.intentSingleHint') : t('builder.intentScaleHint')}</p>
            )}
          </li>
        ))}
      </ol>
      <div className="card row">
        <label htmlFor="sv-add-kind" className="label">
          {t('builder.addQuestion')}
        </label>
        <select className="w-auto" id="sv-add-kind" value={addKind} onChange={(e) => setAddKind(e.target.value as QuestionKind)}>
          {QUESTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          onClick={() => {
            const q = blank(addKind);
            setQuestions((qs) => [...qs, q]);
            setFocusKey(q.key);
          }}
        >
          {t('builder.add')}
        </button>
      </div>
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="submit" className="btn" disabled={saving}>
          {t('builder.saveDraft')}
        </button>
        <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void save(true)}>
          {t('builder.saveAndOpen')}
        </button>
      </div>
    </form>
  );
}
