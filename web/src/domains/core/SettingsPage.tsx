import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import {
  EmptyState,
  ErrorBanner,
  Icon,
  Field,
  fieldError,
  Loading,
  Modal,
  Tabs,
  useApi,
  useMutation,
  bindValue,
  TableHead,
} from '../../components';
import { formatDate } from '../../format';
import { LANGUAGES, type Language } from '../../i18n';
import { useSession, type Me } from '../../session';
import { PrivacySettings } from './PrivacySettings';
import { ProjectList } from './ProjectCard';

const SECTIONS = ['profile', 'tokens', 'orgs', 'projects', 'follows', 'privacy'] as const;

/** /settings/:section?: my profile and language, API tokens, organizations, projects I host and follow, my data. */
export function SettingsPage() {
  const { t } = useTranslation('core');
  const { section } = useParams();
  const active = SECTIONS.includes(section as (typeof SECTIONS)[number]) ? section! : 'profile';
  const labels: Record<string, string> = {
    profile: t('settings.profile'),
    tokens: t('settings.tokens'),
    orgs: t('settings.orgs'),
    projects: t('settings.myProjects'),
    follows: t('settings.followed'),
    privacy: t('privacy.tab'),
  };
  return (
    <div>
      <h1>{t('settings.title')}</h1>
      <Tabs
        label={t('settings.title')}
        items={SECTIONS.map((s) => ({ key: s, label: labels[s], href: s === 'profile' ? '/settings' : `/settings/${s}` }))}
        active={active}
      >
        {active === 'profile' && <ProfileForm />}
        {active === 'tokens' && <Tokens />}
        {active === 'orgs' && <MyOrgs />}
        {active === 'projects' && <ProjectList path="/me/projects" empty={t('profile.noProjects')} />}
        {active === 'follows' && <ProjectList path="/me/follows" empty={t('notifications.emptyLead')} />}
        {active === 'privacy' && <PrivacySettings />}
      </Tabs>
    </div>
  );
}

function ProfileForm() {
  const { t } = useTranslation('core');
  const { me, setMe, changeLanguage } = useSession();
  const [name, setName] = useState(me!.name);
  const [bio, setBio] = useState(me!.bio);
  const [locale, setLocale] = useState(me!.locale);
  const [saved, setSaved] = useState(false);
  const { busy, error, submit, field } = useMutation(async () => {
    setSaved(false);
    const updated = await api<Me>('PATCH', '/me', { name, bio, locale });
    setMe(updated);
    if (updated.locale === 'en' || updated.locale === 'fr') await changeLanguage(updated.locale);
    setSaved(true);
  });
  return (
    <form className="card stack medium m-0" onSubmit={submit} noValidate>
      <Field label={t('settings.email')} value={me!.email} readOnly disabled />
      <Field label={t('settings.name')} {...bindValue(name, setName)} required maxLength={100} {...field('name')} />
      <Field label={t('settings.bio')} hint={t('settings.bioHint')} {...field('bio')}>
        <textarea {...bindValue(bio, setBio)} maxLength={2000} rows={4} />
      </Field>
      <Field label={t('settings.language')} {...field('locale')}>
        <select {...bindValue(locale, setLocale)}>
          {LANGUAGES.map((l: Language) => (
            <option key={l} value={l}>
              {l === 'en' ? 'English' : 'Français'}
            </option>
          ))}
        </select>
      </Field>
      <ErrorBanner error={error} />
      {saved && (
        <div className="banner banner-success" role="status">
          {t('settings.saved')}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <Link to={`/u/${me!.id}`}>{t('nav.profile')}</Link>
      </div>
    </form>
  );
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: string | null;
  createdAt: string;
}

function Tokens() {
  const { t } = useTranslation('core');
  const { data, error, loading, reload } = useApi<{ items: TokenRow[] }>('/tokens');
  const [name, setName] = useState('');
  const {
    busy,
    error: formError,
    submit: create,
    setError: setFormError,
  } = useMutation(async () => {
    const answer = await api<{ id: string; name: string; token: string }>('POST', '/tokens', { name });
    setCreated({ name: answer.name, token: answer.token });
    setCopied(false);
    setName('');
    await reload();
  });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<TokenRow | null>(null);
  const revoke = async () => {
    if (!revoking) return;
    try {
      await api('DELETE', `/tokens/${revoking.id}`);
      setRevoking(null);
      await reload();
    } catch (err) {
      setFormError(err);
      setRevoking(null);
    }
  };
  return (
    <div className="stack medium m-0">
      <p className="muted">{t('settings.tokensLead')}</p>
      <form className="card row items-end" onSubmit={create} noValidate>
        <div className="basis-16">
          <Field
            label={t('settings.tokenName')}
            hint={t('settings.tokenNameHint')}
            {...bindValue(name, setName)}
            required
            maxLength={100}
            error={fieldError(formError, 'name')}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
          {t('settings.createToken')}
        </button>
      </form>
      <ErrorBanner error={formError} />
      {created && (
        <div className="card stack-sm" role="status">
          <strong>
            {created.name}: {t('settings.tokenCreated')}
          </strong>
          <code className="token-box" data-testid="new-token">
            {created.token}
          </code>
          <div>
            <button
              type="button"
              className="btn btn-sm"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.token).catch(() => {});
                setCopied(true);
              }}
            >
              {copied ? (
                <>
                  <Icon name="check" size={15} /> {t('settings.copied')}
                </>
              ) : (
                t('settings.copy')
              )}
            </button>
          </div>
        </div>
      )}
      <ErrorBanner error={error} onRetry={reload} />
      {loading && !data ? (
        <Loading />
      ) : !data?.items.length ? (
        <p className="muted">{t('settings.noTokens')}</p>
      ) : (
        <div className="card table-wrap p-sm">
          <table className="table">
            <TableHead
              columns={[
                t('settings.tokenName'),
                t('settings.prefix'),
                t('settings.created'),
                t('settings.lastUsed'),
                { label: t('settings.revoke'), hidden: true },
              ]}
            />
            <tbody>
              {data.items.map((tok) => (
                <tr key={tok.id}>
                  <td>{tok.name}</td>
                  <td>
                    <code>{tok.prefix}…</code>
                  </td>
                  <td>{formatDate(tok.createdAt)}</td>
                  <td>{tok.lastUsedAt ? formatDate(tok.lastUsedAt) : t('settings.never')}</td>
                  <td className="text-right">
                    <button type="button" className="btn btn-danger btn-sm" onClick={() => setRevoking(tok)}>
                      {t('settings.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Modal
        open={revoking !== null}
        title={t('settings.revoke')}
        onClose={() => setRevoking(null)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn-danger" onClick={revoke}>
              {t('settings.revoke')}
            </button>
          </>
        }
      >
        <p>{t('settings.revokeConfirm', { name: revoking?.name ?? '' })}</p>
      </Modal>
    </div>
  );
}

function MyOrgs() {
  const { t } = useTranslation('core');
  const { data, error, loading, reload } = useApi<{ items: { id: string; slug: string; name: string; role: string }[] }>('/me/orgs');
  if (loading) return <Loading />;
  if (error) return <ErrorBanner error={error} onRetry={reload} />;
  return (
    <div className="stack medium m-0">
      {data?.items.length ? (
        <ul className="list card px-card py-2xs">
          {data.items.map((o) => (
            <li key={o.id} className="row-between">
              <Link to={`/orgs/${o.slug}`}>{o.name}</Link>
              <span className="badge">{t(`settings.roles.${o.role}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState icon="building" title={t('settings.noOrgs')} />
      )}
      <div>
        <Link className="btn btn-primary" to="/orgs/new">
          <Icon name="plus" /> {t('nav.newOrg')}
        </Link>
      </div>
    </div>
  );
}
