// /p/:slug/campaigns/new, for a project's hosts: goal and currency, model, deadline, reward tiers (price,
// limited quantity, estimated delivery, shipping per group of countries) and stretch goals; saved as a draft.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { ErrorBanner, Field, Icon, Loading, fieldError, useApi, usePageTitle, bindValue } from '../../components';
import { parseMoney } from '../../format';
import type { Campaign, Model } from './types';
import { namesOneField } from './util';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD'];

/** Rows of the form keep a key of their own, so that removing one leaves the others' inputs where they are. */
let nextKey = 1;
const shippingGroup = () => ({ key: nextKey++, countries: '', cost: '' });
const stretchGoal = () => ({ key: nextKey++, amount: '', description: '' });

interface TierDraft {
  key: number;
  title: string;
  description: string;
  price: string;
  limit: string;
  delivery: string;
  ships: boolean;
  groups: ReturnType<typeof shippingGroup>[];
}

const emptyTier = (): TierDraft => ({
  key: nextKey++,
  title: '',
  description: '',
  price: '',
  limit: '',
  delivery: '',
  ships: false,
  groups: [shippingGroup()],
});

export function NewCampaignPage() {
  const { t } = useTranslation('funding');
  const { slug } = useParams();
  const navigate = useNavigate();
  const project = useApi<{ id: string; slug: string; title: string; viewer: { isHost: boolean } }>(
    `/projects/${encodeURIComponent(slug!)}`,
  );
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [goal, setGoal] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [model, setModel] = useState<Model>('all_or_nothing');
  const [deadline, setDeadline] = useState(() => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  const [tiers, setTiers] = useState<TierDraft[]>([emptyTier()]);
  const [stretch, setStretch] = useState<ReturnType<typeof stretchGoal>[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('form.title'));
  if (project.loading) return <Loading />;
  if (project.error || !project.data) return <ErrorBanner error={project.error} />;

  const money = (text: string, field: string) => {
    const v = parseMoney(text, currency);
    if (v === null)
      throw new ApiError(400, 'validation_failed', t('form.moneyInvalid'), [{ field: `body.${field}`, message: t('form.moneyInvalid') }]);
    return v;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const body = {
        title: title.trim() || undefined,
        description,
        goal: { amount: money(goal, 'goal.amount'), currency },
        model,
        deadline: new Date(`${deadline}T23:59:00`).toISOString(),
        tiers:
          model === 'donation'
            ? []
            : tiers
                .filter((x) => x.title.trim() || x.price.trim())
                .map((x, i) => ({
                  title: x.title,
                  description: x.description,
                  price: money(x.price, `tiers.${i}.price`),
                  limit: x.limit.trim() ? Number(x.limit) : null,
                  estimatedDelivery: x.delivery || null,
                  shipping: x.ships
                    ? {
                        groups: x.groups.map((g, j) => ({
                          name: '',
                          countries: g.countries.split(/[,\s]+/).filter(Boolean),
                          cost: money(g.cost, `tiers.${i}.shipping.groups.${j}.cost`),
                        })),
                      }
                    : null,
                })),
        stretchGoals: stretch.map((s, i) => ({ amount: money(s.amount, `stretchGoals.${i}.amount`), description: s.description })),
      };
      setBusy(true);
      await api<Campaign>('POST', `/projects/${project.data!.id}/campaigns`, body);
      navigate(`/p/${project.data!.slug}/campaign`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const setTier = (i: number, patch: Partial<TierDraft>) => setTiers((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    <form className="medium stack funding-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="page-head">
        <div>
          <p className="muted small m-0">
            <Link to={`/p/${project.data.slug}/campaign`}>{project.data.title}</Link>
          </p>
          <h1>{t('form.title')}</h1>
        </div>
      </div>
      <Field label={t('form.name')} {...bindValue(title, setTitle)} placeholder={project.data.title} error={fieldError(error, 'title')} />
      <Field label={t('form.story')} hint={t('form.storyHint')} error={fieldError(error, 'description')}>
        <textarea {...bindValue(description, setDescription)} rows={6} />
      </Field>
      <fieldset className="stack-sm">
        <legend>{t('form.model')}</legend>
        {(['all_or_nothing', 'keep_it_all', 'donation'] as const).map((m) => (
          <label key={m} className="checkbox">
            <input type="radio" name="model" value={m} checked={model === m} onChange={() => setModel(m)} />
            <span>
              <strong>{t(`models.${m}`)}</strong> <span className="muted small">{t(`form.modelHints.${m}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="row items-start">
        <Field
          label={t('form.goal')}
          {...bindValue(goal, setGoal)}
          inputMode="decimal"
          required
          error={fieldError(error, 'goal.amount') ?? fieldError(error, 'goal')}
        />
        <Field label={t('form.currency')} error={fieldError(error, 'goal.currency')}>
          <select {...bindValue(currency, setCurrency)}>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
        <Field
          label={t('form.deadline')}
          type="date"
          {...bindValue(deadline, setDeadline)}
          required
          error={fieldError(error, 'deadline')}
        />
      </div>

      {model !== 'donation' && (
        <fieldset className="stack">
          <legend>{t('form.tiers')}</legend>
          {tiers.map((x, i) => (
            <div key={x.key} className="card stack-sm">
              <div className="row items-start">
                <Field
                  label={t('form.tierTitle')}
                  value={x.title}
                  onChange={(e) => setTier(i, { title: e.target.value })}
                  error={fieldError(error, `tiers.${i}.title`)}
                />
                <Field
                  label={t('form.tierPrice', { currency })}
                  value={x.price}
                  onChange={(e) => setTier(i, { price: e.target.value })}
                  inputMode="decimal"
                  error={fieldError(error, `tiers.${i}.price`)}
                />
                <Field
                  label={t('form.tierLimit')}
                  hint={t('form.tierLimitHint')}
                  type="number"
                  min={1}
                  value={x.limit}
                  onChange={(e) => setTier(i, { limit: e.target.value })}
                  error={fieldError(error, `tiers.${i}.limit`)}
                />
                <Field
                  label={t('form.tierDelivery')}
                  type="month"
                  value={x.delivery}
                  onChange={(e) => setTier(i, { delivery: e.target.value })}
                  error={fieldError(error, `tiers.${i}.estimatedDelivery`)}
                />
              </div>
              <Field label={t('form.tierDescription')} error={fieldError(error, `tiers.${i}.description`)}>
                <textarea rows={2} value={x.description} onChange={(e) => setTier(i, { description: e.target.value })} />
              </Field>
              <label className="checkbox">
                <input type="checkbox" checked={x.ships} onChange={(e) => setTier(i, { ships: e.target.checked })} /> {t('form.ships')}
              </label>
              {x.ships &&
                x.groups.map((g, j) => (
                  <div key={g.key} className="row items-start">
                    <Field
                      label={t('form.countries')}
                      hint={t('form.countriesHint')}
                      value={g.countries}
                      onChange={(e) => setTier(i, { groups: x.groups.map((y, k) => (k === j ? { ...y, countries: e.target.value } : y)) })}
                      error={fieldError(error, `tiers.${i}.shipping.groups.${j}.countries`)}
                    />
                    <Field
                      label={t('form.shippingCost', { currency })}
                      value={g.cost}
                      inputMode="decimal"
                      onChange={(e) => setTier(i, { groups: x.groups.map((y, k) => (k === j ? { ...y, cost: e.target.value } : y)) })}
                      error={fieldError(error, `tiers.${i}.shipping.groups.${j}.cost`)}
                    />
                  </div>
                ))}
              {x.ships && (
                <button
                  type="button"
                  className="btn btn-ghost btn-sm self-start"
                  onClick={() => setTier(i, { groups: [...x.groups, shippingGroup()] })}
                >
                  <Icon name="plus" size={14} /> {t('form.addGroup')}
                </button>
              )}
              {tiers.length > 1 && (
                <button
                  type="button"
                  className="btn btn-ghost btn-sm self-start"
                  onClick={() => setTiers((xs) => xs.filter((_, j) => j !== i))}
                >
                  {t('form.removeTier')}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="btn self-start" onClick={() => setTiers((xs) => [...xs, emptyTier()])}>
            <Icon name="plus" size={16} /> {t('form.addTier')}
          </button>
        </fieldset>
      )}

      <fieldset className="stack-sm">
        <legend>{t('form.stretchGoals')}</legend>
        {stretch.map((s, i) => (
          <div key={s.key} className="row items-start">
            <Field
              label={t('form.stretchAmount', { currency })}
              value={s.amount}
              inputMode="decimal"
              onChange={(e) => setStretch((xs) => xs.map((y, k) => (k === i ? { ...y, amount: e.target.value } : y)))}
              error={fieldError(error, `stretchGoals.${i}.amount`)}
            />
            <Field
              label={t('form.stretchText')}
              value={s.description}
              onChange={(e) => setStretch((xs) => xs.map((y, k) => (k === i ? { ...y, description: e.target.value } : y)))}
              error={fieldError(error, `stretchGoals.${i}.description`)}
            />
          </div>
        ))}
        <button type="button" className="btn btn-sm self-start" onClick={() => setStretch((xs) => [...xs, stretchGoal()])}>
          <Icon name="plus" size={14} /> {t('form.addStretch')}
        </button>
      </fieldset>

      <ErrorBanner
        error={namesOneField(error) ? null : error}
        fields={['title', 'description', 'goal', 'deadline', 'tiers', 'stretchGoals']}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('form.save')}
        </button>
        <span className="muted small">{t('form.saveHint')}</span>
      </div>
    </form>
  );
}
