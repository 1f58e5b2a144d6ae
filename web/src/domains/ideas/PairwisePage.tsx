// /challenges/:id/vote: "Which is better?" — two ideas side by side; ← / → choose, ↓ or T for can't decide.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { EmptyState, ErrorBanner, Loading, useApi, usePageTitle } from '../../components';
import { formatNumber } from '../../format';
import type { Challenge, Idea } from './types';

interface Pair {
  left: Idea;
  right: Idea;
}

export function PairwisePage() {
  const { t } = useTranslation('ideas');
  const { id } = useParams();
  const { data: challenge } = useApi<Challenge>(`/challenges/${encodeURIComponent(id!)}`);
  const [pair, setPair] = useState<Pair | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(0);
  const [last, setLast] = useState<string | null>(null);
  const busy = useRef(false);
  usePageTitle(t('pairs.title'));

  const next = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setPair(await api<Pair>('GET', `/challenges/${encodeURIComponent(id!)}/pair`));
    } catch (e) {
      setPair(null);
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    void next();
  }, [next]);

  const choose = useCallback(
    async (outcome: 'left' | 'right' | 'tie') => {
      if (!pair || busy.current) return;
      busy.current = true;
      setError(null);
      try {
        const body =
          outcome === 'tie'
            ? { leftId: pair.left.id, rightId: pair.right.id, outcome: 'tie' }
            : outcome === 'left'
              ? { winnerId: pair.left.id, loserId: pair.right.id }
              : { winnerId: pair.right.id, loserId: pair.left.id };
        await api('POST', `/challenges/${encodeURIComponent(id!)}/comparisons`, body);
        await next();
        // Counted once the next pair is there, so the count says the page is ready for the next choice.
        setDone((n) => n + 1);
        setLast(
          outcome === 'tie' ? t('pairs.savedTie') : t('pairs.saved', { title: outcome === 'left' ? pair.left.title : pair.right.title }),
        );
      } catch (e) {
        setError(e);
      } finally {
        busy.current = false;
      }
    },
    [pair, id, next, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowLeft') void choose('left');
      else if (e.key === 'ArrowRight') void choose('right');
      else if (e.key === 'ArrowDown' || e.key === 't' || e.key === 'T') void choose('tie');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choose]);

  const finished =
    error instanceof ApiError &&
    (error.code === 'no_pair_left' || error.code === 'not_enough_ideas' || error.code === 'challenge_phase_closed');
  return (
    <div className="stack ide-pairwise">
      <div className="stack-sm">
        <Link to={`/challenges/${id}`} className="small">
          ← {challenge?.title ?? t('challenge')}
        </Link>
        <h1>{t('pairs.title')}</h1>
        {challenge && <p className="muted m-0">{t('pairs.question', { title: challenge.title })}</p>}
        <p className="muted small" aria-live="polite">
          {t('pairs.count', { count: done, n: formatNumber(done) })}
          {last && <> · {last}</>}
        </p>
      </div>
      {finished ? (
        <EmptyState
          icon="check"
          title={error.code === 'no_pair_left' ? t('pairs.allDone') : t('pairs.unavailable')}
          link={{ to: `/challenges/${id}`, label: t('pairs.back') }}
        >
          {error.message}
        </EmptyState>
      ) : loading && !pair ? (
        <Loading />
      ) : pair ? (
        <>
          <div className="ide-pair" aria-busy={loading}>
            <PairCard idea={pair.left} side="left" onChoose={() => choose('left')} />
            <div className="ide-or" aria-hidden="true">
              {t('pairs.or')}
            </div>
            <PairCard idea={pair.right} side="right" onChoose={() => choose('right')} />
          </div>
          <div className="row ide-pair-actions">
            <button type="button" className="btn btn-primary" onClick={() => choose('left')}>
              ← {t('pairs.chooseLeft')}
            </button>
            <button type="button" className="btn" onClick={() => choose('tie')}>
              {t('pairs.tie')} (↓ / T)
            </button>
            <button type="button" className="btn btn-primary" onClick={() => choose('right')}>
              {t('pairs.chooseRight')} →
            </button>
          </div>
          <p className="muted small center">{t('pairs.keys')}</p>
          <ErrorBanner error={error} />
        </>
      ) : (
        <ErrorBanner error={error} onRetry={next} />
      )}
    </div>
  );
}

/** The plain text of server-rendered HTML (a button holds text only). */
function plainText(html: string): string {
  const text = new DOMParser().parseFromString(html.replace(/<\/(p|li|h\d|blockquote|pre)>/g, '$&\n'), 'text/html').body.textContent ?? '';
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

function PairCard({ idea, side, onChoose }: { idea: Idea; side: 'left' | 'right'; onChoose: () => void }) {
  const { t } = useTranslation('ideas');
  const text = plainText(idea.bodyHtml);
  return (
    <button
      type="button"
      className={`card ide-pair-card ide-pair-${side}`}
      onClick={onChoose}
      aria-label={t('pairs.choose', { title: idea.title })}
    >
      <span className="ide-pair-title">{idea.title}</span>
      {text && <span className="ide-pair-body">{text.length > 400 ? `${text.slice(0, 399)}…` : text}</span>}
      {idea.tags.length > 0 && <span className="muted small">{idea.tags.map((tag) => `#${tag}`).join(' ')}</span>}
    </button>
  );
}
