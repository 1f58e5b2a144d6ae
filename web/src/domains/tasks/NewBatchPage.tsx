// A host creates a batch: title, instructions (Markdown), answer kind and labels, overlap (fixed or dynamic),
// reward or volunteer, gold rate and qualification.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorBanner, Field, fieldError, Loading, useApi, usePageTitle, bindValue, useMutation } from '../../components';
import { parseMoney, splitList } from '../../format';
import type { AnswerKind, Batch } from './types';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD'];

export function NewBatchPage() {
  const { t } = useTranslation('tasks');
  const { slug } = useParams();
  const project = useApi<{ id: string; title: string; slug: string }>(`/projects/${slug}`);
  const navigate = useNavigate();
  usePageTitle(t('newBatch'));
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [kind, setKind] = useState<AnswerKind>('label');
  const [labels, setLabels] = useState('');
  const [mode, setMode] = useState<'fixed' | 'dynamic'>('fixed');
  const [overlap, setOverlap] = useState(3);
  const [minOverlap, setMinOverlap] = useState(2);
  const [maxOverlap, setMaxOverlap] = useState(5);
  const [confidence, setConfidence] = useState(0.8);
  const [paid, setPaid] = useState(false);
  const [reward, setReward] = useState('0.10');
  const [currency, setCurrency] = useState('EUR');
  const [goldRate, setGoldRate] = useState(0.1);
  const [qualify, setQualify] = useState(false);
  const [minAccuracy, setMinAccuracy] = useState(0.7);
  const [minGold, setMinGold] = useState(3);
  const {
    busy: saving,
    error,
    submit,
  } = useMutation(async () => {
    const amount = paid ? parseMoney(reward, currency) : null;
    const batch = await api<Batch>('POST', `/projects/${project.data!.id}/task-batches`, {
      title,
      instructions,
      answer:
        kind === 'label' || kind === 'labels'
          ? {
              kind,
              labels: splitList(labels),
            }
          : { kind },
      ...(mode === 'fixed' ? { overlap } : { dynamic: { minOverlap, maxOverlap, confidence } }),
      ...(paid ? { reward: { amount: amount ?? 0, currency } } : {}),
      goldRate,
      ...(qualify ? { qualification: { minGoldAccuracy: minAccuracy, minGoldAnswers: minGold } } : {}),
    });
    navigate(`/task-batches/${batch.id}`);
  });

  if (project.loading) return <Loading />;
  if (project.error || !project.data) return <ErrorBanner error={project.error} />;

  const numberInput = (value: number, set: (n: number) => void, props: Record<string, unknown>) => ({
    type: 'number',
    value: String(value),
    onChange: (e: { target: { value: string } }) => set(Number(e.target.value)),
    ...props,
  });

  return (
    <form className="stack card max-w-prose" onSubmit={submit} noValidate>
      <h1>{t('newBatchFor', { project: project.data.title })}</h1>
      <ErrorBanner error={error} fields={['title', 'answer', 'overlap', 'dynamic', 'reward']} />
      <Field label={t('form.title')} required {...bindValue(title, setTitle)} error={fieldError(error, 'title')} />
      <Field label={t('form.instructions')} hint={t('form.instructionsHint')}>
        <textarea rows={5} {...bindValue(instructions, setInstructions)} />
      </Field>
      <Field label={t('form.kind')}>
        <select value={kind} onChange={(e) => setKind(e.target.value as AnswerKind)}>
          {(['label', 'labels', 'number', 'text'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {(kind === 'label' || kind === 'labels') && (
        <Field
          label={t('form.labels')}
          hint={t('form.labelsHint')}
          {...bindValue(labels, setLabels)}
          error={fieldError(error, 'answer.labels')}
        />
      )}
      <fieldset className="stack-sm">
        <legend>{t('form.overlap')}</legend>
        <label className="row">
          <input type="radio" name="mode" checked={mode === 'fixed'} onChange={() => setMode('fixed')} /> {t('form.fixed')}
        </label>
        <label className="row">
          <input type="radio" name="mode" checked={mode === 'dynamic'} onChange={() => setMode('dynamic')} /> {t('form.dynamic')}
        </label>
        {mode === 'fixed' ? (
          <Field
            label={t('form.answersPerItem')}
            {...numberInput(overlap, setOverlap, { min: 1, max: 100 })}
            error={fieldError(error, 'overlap')}
          />
        ) : (
          <div className="row">
            <Field label={t('form.minOverlap')} {...numberInput(minOverlap, setMinOverlap, { min: 1, max: 100 })} />
            <Field
              label={t('form.maxOverlap')}
              {...numberInput(maxOverlap, setMaxOverlap, { min: 1, max: 100 })}
              error={fieldError(error, 'dynamic.maxOverlap')}
            />
            <Field label={t('form.confidence')} {...numberInput(confidence, setConfidence, { min: 0.5, max: 1, step: 0.05 })} />
          </div>
        )}
      </fieldset>
      <fieldset className="stack-sm">
        <legend>{t('form.pay')}</legend>
        <label className="row">
          <input type="checkbox" checked={paid} onChange={(e) => setPaid(e.target.checked)} /> {t('form.paid')}
        </label>
        {paid && (
          <div className="row">
            <Field label={t('form.reward')} {...bindValue(reward, setReward)} error={fieldError(error, 'reward.amount')} />
            <Field label={t('form.currency')}>
              <select {...bindValue(currency, setCurrency)}>
                {CURRENCIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </Field>
          </div>
        )}
        <p className="muted small">{t('form.payHint')}</p>
      </fieldset>
      <fieldset className="stack-sm">
        <legend>{t('form.quality')}</legend>
        <Field
          label={t('form.goldRate')}
          hint={t('form.goldRateHint')}
          {...numberInput(goldRate, setGoldRate, { min: 0, max: 1, step: 0.05 })}
        />
        <label className="row">
          <input type="checkbox" checked={qualify} onChange={(e) => setQualify(e.target.checked)} /> {t('form.qualify')}
        </label>
        {qualify && (
          <div className="row">
            <Field label={t('form.minAccuracy')} {...numberInput(minAccuracy, setMinAccuracy, { min: 0, max: 1, step: 0.05 })} />
            <Field label={t('form.minGold')} {...numberInput(minGold, setMinGold, { min: 1 })} />
          </div>
        )}
      </fieldset>
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={saving}>
          {t('form.create')}
        </button>
      </div>
    </form>
  );
}
