// The pledge flow: a reward (or none), an amount, a shipping country when the reward is shipped, and a card.
// A refused card shows the processor's reason and leaves nothing behind; the same attempt retried keeps its
// Idempotency-Key, so a double click or a retry after a network error never pledges twice.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, idempotencyKey } from '../../api';
import { ErrorBanner, Field, Icon, Modal, fieldError, bindValue } from '../../components';
import { formatMoney, parseMoney } from '../../format';
import { useSession } from '../../session';
import { countryName, shippingCost, shippingCountries } from './countries';
import { TEST_CARDS, type Campaign, type Pledge } from './types';
import { namesOneField } from './util';

interface Props {
  campaign: Campaign;
  /** The reward chosen on the campaign page (null: no reward, or a donation). */
  tierId: string | null;
  open: boolean;
  onClose: () => void;
  onPledged: (pledge: Pledge) => void;
}

const major = (minor: number) => (minor / 100).toFixed(2);

export function PledgePanel({ campaign, tierId: initialTier, open, onClose, onPledged }: Props) {
  const { t, i18n } = useTranslation('funding');
  const { me } = useSession();
  const [tierId, setTierId] = useState<string | null>(initialTier);
  const tier = campaign.tiers.find((x) => x.id === tierId) ?? null;
  const countries = useMemo(() => (tier?.shipping ? shippingCountries(tier.shipping.groups, i18n.language) : []), [tier, i18n.language]);
  const [country, setCountry] = useState('');
  const shipping = tier?.shipping && country ? shippingCost(tier.shipping.groups, country) : 0;
  const minimum = (tier?.price ?? 100) + (shipping ?? 0);
  const [amountText, setAmountText] = useState(major(minimum));
  const [amountTouched, setAmountTouched] = useState(false);
  const [card, setCard] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Pledge | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  // Until the backer types an amount, it follows the reward's minimum.
  const shownAmount = amountTouched ? amountText : major(minimum);
  const amount = parseMoney(shownAmount, campaign.currency);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (amount === null) {
      setError(
        new ApiError(400, 'validation_failed', t('pledge.amountInvalid'), [{ field: 'body.amount', message: t('pledge.amountInvalid') }]),
      );
      return;
    }
    const body = {
      amount,
      tierId: tier?.id ?? null,
      ...(tier?.shipping ? { shippingCountry: country || undefined } : {}),
      payment: { type: 'test_card', number: card.replace(/\s/g, '') },
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: idempotencyKey() };
    setBusy(true);
    try {
      const pledge = await api<Pledge>('POST', `/campaigns/${campaign.id}/pledges`, body, {
        headers: { 'idempotency-key': attempt.current.key },
      });
      setDone(pledge);
      onPledged(pledge);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const declined = error instanceof ApiError && error.status === 402 ? error.message : null;
  const title = campaign.model === 'donation' ? t('pledge.titleDonation') : t('pledge.title');

  return (
    <Modal open={open} title={title} onClose={onClose}>
      {!me ? (
        <div className="stack-sm">
          <p>{t('pledge.signIn')}</p>
          <Link className="btn btn-primary" to={`/signin?next=${encodeURIComponent(location.pathname)}`}>
            {t('pledge.signInButton')}
          </Link>
        </div>
      ) : done ? (
        <div className="stack-sm funding-thanks" role="status">
          <Icon name="check" size={28} />
          <h3>{t('pledge.thanks')}</h3>
          <p>
            {done.status === 'pending'
              ? t('pledge.savedLater', { amount: formatMoney(done.amount.amount, done.amount.currency) })
              : t('pledge.chargedNow', { amount: formatMoney(done.amount.amount, done.amount.currency) })}
          </p>
          <div className="row">
            <Link className="btn" to="/me/pledges">
              {t('myPledges.title')}
            </Link>
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {t('pledge.close')}
            </button>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          {campaign.model !== 'donation' && campaign.tiers.length > 0 && (
            <Field label={t('pledge.reward')} error={fieldError(error, 'tierId')}>
              <select value={tierId ?? ''} onChange={(e) => setTierId(e.target.value || null)}>
                <option value="">{t('pledge.noReward')}</option>
                {campaign.tiers.map((x) => (
                  <option key={x.id} value={x.id} disabled={x.remaining === 0}>
                    {x.title} · {formatMoney(x.price, campaign.currency)}
                    {x.remaining === 0 ? ` (${t('tiers.soldOut')})` : ''}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {tier?.shipping && (
            <Field
              label={t('pledge.shipTo')}
              required
              error={fieldError(error, 'shippingCountry')}
              hint={country && shipping !== null ? t('pledge.shippingCost', { cost: formatMoney(shipping, campaign.currency) }) : undefined}
            >
              <select {...bindValue(country, setCountry)}>
                <option value="">{t('pledge.chooseCountry')}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field
            label={t('pledge.amount', { currency: campaign.currency })}
            inputMode="decimal"
            value={shownAmount}
            onChange={(e) => {
              setAmountTouched(true);
              setAmountText(e.target.value);
            }}
            hint={tier ? t('pledge.minimum', { amount: formatMoney(minimum, campaign.currency) }) : undefined}
            error={fieldError(error, 'amount')}
            required
          />
          <Field
            label={t('pledge.card')}
            {...bindValue(card, setCard)}
            inputMode="numeric"
            autoComplete="off"
            placeholder="4242 4242 4242 4242"
            error={declined ?? fieldError(error, 'payment')}
            required
          />
          <details className="test-cards">
            <summary>{t('pledge.testCards')}</summary>
            <ul>
              {TEST_CARDS.map((c) => (
                <li key={c.number}>
                  <button type="button" className="link-btn" onClick={() => setCard(c.number)}>
                    {c.number}
                  </button>{' '}
                  <span className="muted small">{t(`pledge.cards.${c.key}`)}</span>
                </li>
              ))}
            </ul>
          </details>
          <p className="muted small">{campaign.model === 'all_or_nothing' ? t('pledge.aonNote') : t('pledge.nowNote')}</p>
          {!declined && (
            <ErrorBanner error={namesOneField(error) ? null : error} fields={['amount', 'shippingCountry', 'tierId', 'payment']} />
          )}
          {declined && (
            <div className="banner banner-error" role="alert">
              <Icon name="alert" size={20} />
              <div className="banner-body">
                <strong>{t('pledge.declinedTitle')}</strong>
                {declined}
              </div>
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy
                ? t('pledge.sending')
                : amount !== null
                  ? t('pledge.submit', { amount: formatMoney(amount, campaign.currency) })
                  : t('pledge.submitPlain')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={onClose}>
              {t('pledge.cancel')}
            </button>
          </div>
          {tier?.shipping && country && shipping === null && (
            <p className="field-error">{t('pledge.noShipping', { country: countryName(country, i18n.language) })}</p>
          )}
        </form>
      )}
    </Modal>
  );
}
