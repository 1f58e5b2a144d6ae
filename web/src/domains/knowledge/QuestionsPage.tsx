// /questions: every question the reader can see (site-wide ones and those of projects), with search.
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components';
import { useSession } from '../../session';
import { QuestionList } from './QuestionList';

export function QuestionsPage() {
  const { t } = useTranslation('knowledge');
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const siteOnly = params.get('scope') === 'site';
  usePageTitle(t('allTitle'));
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t('allTitle')}</h1>
          <p className="muted m-0">{t('allLead')}</p>
        </div>
        <fieldset className="pill-group fieldset-bare" aria-label={t('scope.label')}>
          {(['all', 'site'] as const).map((s) => (
            <button
              key={s}
              type="button"
              className="pill"
              aria-pressed={(s === 'site') === siteOnly}
              onClick={() => {
                const next = new URLSearchParams(params);
                if (s === 'site') next.set('scope', 'site');
                else next.delete('scope');
                setParams(next, { replace: true });
              }}
            >
              {t(`scope.${s}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <QuestionList
        basePath={siteOnly ? '/questions?scope=site' : '/questions'}
        askHref={me ? '/questions/ask' : '/signin?next=%2Fquestions%2Fask'}
      />
    </div>
  );
}
