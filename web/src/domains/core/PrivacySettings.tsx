import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api';
import { ErrorBanner, Field, Icon, Modal, errorMessage, fieldError, useMutation, bindValue } from '../../components';
import { NewPasswordField } from './NewPasswordField';
import { useSession } from '../../session';

// Compact lists, so the whole confirmation (and its buttons) fits a laptop screen.
const LIST_TITLE = { fontSize: '0.95rem', margin: '0.25rem 0 0' } as const;
const LIST = { margin: 0, paddingLeft: '1.2rem', lineHeight: 1.4 } as const;

/** The error codes of DELETE /me and POST /me/password that have their own sentence in `privacy.errors`. */
const KNOWN_CODES = ['last_org_owner', 'hosts_live_campaign', 'pledges_in_settlement', 'wrong_password'] as const;

/** The sentence for an error of this section: a translated one for the codes it knows, else the API's message. */
function useErrorText() {
  const { t } = useTranslation('core');
  return (error: unknown): string | null => {
    if (!error) return null;
    if (error instanceof ApiError && (KNOWN_CODES as readonly string[]).includes(error.code)) {
      const d = (error.details ?? {}) as { orgs?: { name: string }[]; campaigns?: { title: string }[] };
      return t(`privacy.errors.${error.code}`, {
        orgs: (d.orgs ?? []).map((o) => o.name).join(', '),
        campaigns: (d.campaigns ?? []).map((c) => c.title).join(', '),
      });
    }
    return errorMessage(error);
  };
}

/** /settings/privacy: download my data, change my password, delete my account. */
export function PrivacySettings() {
  return (
    <div className="stack medium m-0">
      <DownloadMyData />
      <ChangePassword />
      <DeleteAccount />
    </div>
  );
}

function DownloadMyData() {
  const { t } = useTranslation('core');
  const {
    busy,
    error,
    run: download,
  } = useMutation(async () => {
    const res = await fetch('/api/v1/me/export', { credentials: 'same-origin' });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      throw new ApiError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? res.statusText);
    }
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'foule-export.json';
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return (
    <section className="card stack-sm" aria-labelledby="privacy-export">
      <h2 id="privacy-export">{t('privacy.exportTitle')}</h2>
      <p className="muted">{t('privacy.exportLead')}</p>
      <ErrorBanner error={error} />
      <div>
        <button type="button" className="btn btn-primary" onClick={download} disabled={busy}>
          {busy ? t('privacy.exporting') : t('privacy.export')}
        </button>
      </div>
    </section>
  );
}

function ChangePassword() {
  const { t } = useTranslation('core');
  const errorText = useErrorText();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState<{ sessionsEnded: number; tokensRevoked: number } | null>(null);
  const { busy, error, submit, field } = useMutation(async () => {
    setDone(null);
    setDone(await api<{ sessionsEnded: number; tokensRevoked: number }>('POST', '/me/password', { currentPassword, newPassword }));
    setCurrent('');
    setNew('');
  });
  const wrong = error instanceof ApiError && error.code === 'wrong_password';
  return (
    <section className="card" aria-labelledby="privacy-password">
      <form className="stack-sm" onSubmit={submit} noValidate>
        <h2 id="privacy-password">{t('privacy.passwordTitle')}</h2>
        <p className="muted">{t('privacy.passwordLead')}</p>
        <Field
          label={t('privacy.currentPassword')}
          type="password"
          autoComplete="current-password"
          {...bindValue(currentPassword, setCurrent)}
          required
          error={wrong ? errorText(error) : fieldError(error, 'currentPassword')}
        />
        <NewPasswordField
          label={t('privacy.newPassword')}
          hint={t('privacy.newPasswordHint')}
          value={newPassword}
          onChange={setNew}
          {...field('newPassword')}
        />
        {!wrong && <ErrorBanner error={error} fields={['currentPassword', 'newPassword']} />}
        {done && (
          <div className="banner banner-success" role="status">
            {t('privacy.passwordChanged', { sessions: done.sessionsEnded, tokens: done.tokensRevoked })}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !currentPassword || !newPassword}>
            {busy ? t('common.saving') : t('privacy.changePassword')}
          </button>
        </div>
      </form>
    </section>
  );
}

function DeleteAccount() {
  const { t } = useTranslation('core');
  const errorText = useErrorText();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const {
    busy,
    error,
    submit: confirm,
    setError,
  } = useMutation(async () => {
    await api('DELETE', '/me', { password });
    setDeleted(true);
  });
  const [deleted, setDeleted] = useState(false);
  const close = () => {
    if (deleted) return leave();
    setOpen(false);
    setPassword('');
    setError(null);
  };
  const leave = async () => {
    // The server ended the session with the account: forget it here too.
    await signOut().catch(() => {});
    navigate('/');
  };
  const wrong = error instanceof ApiError && error.code === 'wrong_password';
  return (
    <section className="card stack-sm" aria-labelledby="privacy-delete">
      <h2 id="privacy-delete">{t('privacy.deleteTitle')}</h2>
      <p className="muted">{t('privacy.deleteLead')}</p>
      <div>
        <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
          {t('privacy.delete')}
        </button>
      </div>
      <Modal
        open={open}
        title={deleted ? t('privacy.deletedTitle') : t('privacy.confirmTitle')}
        onClose={close}
        footer={
          deleted ? (
            <button type="button" className="btn btn-primary" onClick={leave}>
              {t('privacy.backHome')}
            </button>
          ) : (
            <>
              <button type="button" className="btn" onClick={close}>
                {t('common.cancel')}
              </button>
              <button type="submit" form="privacy-delete-form" className="btn btn-danger" disabled={busy || !password}>
                {busy ? t('privacy.deleting') : t('privacy.confirmDelete')}
              </button>
            </>
          )
        }
      >
        {deleted ? (
          <p role="status">{t('privacy.deleted')}</p>
        ) : (
          <form id="privacy-delete-form" className="stack-sm" onSubmit={confirm} noValidate>
            <p className="m-0">{t('privacy.confirmLead')}</p>
            <h3 style={LIST_TITLE}>{t('privacy.removedTitle')}</h3>
            <ul className="small" style={LIST}>
              {(t('privacy.removed', { returnObjects: true }) as string[]).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <h3 style={LIST_TITLE}>{t('privacy.keptTitle')}</h3>
            <ul className="small" style={LIST}>
              {(t('privacy.kept', { returnObjects: true }) as string[]).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <Field
              label={t('privacy.password')}
              hint={t('privacy.passwordHint')}
              type="password"
              autoComplete="current-password"
              {...bindValue(password, setPassword)}
              required
              error={wrong ? errorText(error) : fieldError(error, 'password')}
            />
            {error && !wrong && !fieldError(error, 'password') ? (
              <div className="banner banner-error" role="alert">
                <Icon name="alert" size={20} />
                <div className="banner-body">
                  <strong>{t('privacy.refusedTitle')}</strong>
                  {errorText(error)}
                </div>
              </div>
            ) : null}
          </form>
        )}
      </Modal>
    </section>
  );
}
