import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorBanner, Field, useMutation, bindValue } from '../../components';
import { NewPasswordField } from './NewPasswordField';
import { useSession, type Me } from '../../session';
import i18n from '../../i18n';

/** Where to go after signing in: ?next= when it is a path on this site, else the home page. */
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation('core');
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const next = useNext();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit, field } = useMutation(async () => {
    const answer = await api<{ user: Me; csrfToken: string }>('POST', '/auth/login', { email, password });
    signedIn(answer.user, answer.csrfToken);
    navigate(next, { replace: true });
  });
  return (
    <div className="card auth-card">
      <h1>{t('auth.signInTitle')}</h1>
      <p className="muted">{t('auth.signInLead')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t('auth.email')} type="email" autoComplete="email" {...bindValue(email, setEmail)} required {...field('email')} />
        <Field
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          {...bindValue(password, setPassword)}
          required
          {...field('password')}
        />
        <ErrorBanner error={error} fields={['email', 'password']} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('auth.submitSignIn')}
        </button>
      </form>
      <div className="row-between mt small">
        <Link to="/reset-password">{t('auth.forgot')}</Link>
        <span>
          {t('auth.noAccount')} <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('nav.signUp')}</Link>
        </span>
      </div>
    </div>
  );
}

export function SignUpPage() {
  const { t } = useTranslation('core');
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const next = useNext();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit, field } = useMutation(async () => {
    const answer = await api<{ user: Me; csrfToken: string }>('POST', '/auth/signup', {
      name,
      email,
      password,
      locale: i18n.language === 'fr' ? 'fr' : 'en',
    });
    signedIn(answer.user, answer.csrfToken);
    navigate(next, { replace: true });
  });
  return (
    <div className="card auth-card">
      <h1>{t('auth.signUpTitle')}</h1>
      <p className="muted">{t('auth.signUpLead')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <Field
          label={t('auth.name')}
          hint={t('auth.nameHint')}
          autoComplete="name"
          {...bindValue(name, setName)}
          required
          maxLength={100}
          {...field('name')}
        />
        <Field label={t('auth.email')} type="email" autoComplete="email" {...bindValue(email, setEmail)} required {...field('email')} />
        <NewPasswordField
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          value={password}
          onChange={setPassword}
          {...field('password')}
        />
        <ErrorBanner error={error} fields={['name', 'email', 'password']} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('auth.submitSignUp')}
        </button>
      </form>
      <p className="mt small center">
        {t('auth.haveAccount')} <Link to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}

/** /reset-password: asks for the e-mail; with ?token= (the e-mailed link), chooses the new password. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ResetConfirm token={token} /> : <ResetRequest />;
}

/** /password-reset/confirm?token=: the confirm form, or a way back when the link lost its token. */
export function ResetConfirmPage() {
  const { t } = useTranslation('core');
  const [params] = useSearchParams();
  const token = params.get('token');
  if (token) return <ResetConfirm token={token} />;
  return (
    <div className="card auth-card">
      <h1>{t('auth.resetConfirmTitle')}</h1>
      <div className="banner banner-error" role="alert">
        {t('auth.resetNoToken')}
      </div>
      <p className="mt">
        <Link to="/reset-password">{t('auth.askNewLink')}</Link>
      </p>
    </div>
  );
}

function ResetRequest() {
  const { t } = useTranslation('core');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, submit, field } = useMutation(async () => {
    await api('POST', '/auth/password-reset', { email });
    setSent(true);
  });
  return (
    <div className="card auth-card">
      <h1>{t('auth.resetTitle')}</h1>
      {sent ? (
        <div className="banner banner-success" role="status">
          {t('auth.resetSent')}
        </div>
      ) : (
        <>
          <p className="muted">{t('auth.resetLead')}</p>
          <form className="stack" onSubmit={submit} noValidate>
            <Field label={t('auth.email')} type="email" autoComplete="email" {...bindValue(email, setEmail)} required {...field('email')} />
            <ErrorBanner error={error} fields={['email']} />
            <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
              {t('auth.resetSend')}
            </button>
          </form>
        </>
      )}
      <p className="mt small center">
        <Link to="/signin">{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}

function ResetConfirm({ token }: { token: string }) {
  const { t } = useTranslation('core');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, submit, field } = useMutation(async () => {
    await api('POST', '/auth/password-reset/confirm', { token, password });
    setDone(true);
  });
  return (
    <div className="card auth-card">
      <h1>{t('auth.resetConfirmTitle')}</h1>
      {done ? (
        <>
          <div className="banner banner-success" role="status">
            {t('auth.resetDone')}
          </div>
          <p className="mt">
            <Link className="btn btn-primary" to="/signin">
              {t('nav.signIn')}
            </Link>
          </p>
        </>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <NewPasswordField
            label={t('auth.newPassword')}
            hint={t('auth.passwordHint')}
            value={password}
            onChange={setPassword}
            {...field('password')}
          />
          <ErrorBanner error={error} fields={['password']} />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {t('auth.resetConfirm')}
          </button>
          <Link to="/reset-password" className="small">
            {t('auth.askNewLink')}
          </Link>
        </form>
      )}
    </div>
  );
}
