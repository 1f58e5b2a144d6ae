// Up/down arrows with the score between them, for a question or an answer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorBanner } from '../../components';
import { formatNumber } from '../../format';
import type { VoteState } from './types';

export interface VoteControlProps {
  /** `/questions/<id>` or `/answers/<id>`. */
  path: string;
  score: number;
  vote: number | null;
  /** Own posts and anonymous visitors cannot vote. */
  disabled?: boolean;
  disabledReason?: string;
  label: string;
}

export function VoteControl({ path, score: initialScore, vote: initialVote, disabled, disabledReason, label }: VoteControlProps) {
  const { t } = useTranslation('knowledge');
  const [state, setState] = useState({ score: initialScore, vote: initialVote });
  const [error, setError] = useState<unknown>(null);
  const cast = async (value: 1 | -1) => {
    setError(null);
    try {
      const answer =
        state.vote === value ? await api<VoteState>('DELETE', `${path}/votes`) : await api<VoteState>('POST', `${path}/votes`, { value });
      setState({ score: answer.score, vote: answer.value });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="qa-vote" title={disabled ? disabledReason : undefined}>
      <button
        type="button"
        className={`vote-arrow${state.vote === 1 ? ' is-on' : ''}`}
        aria-pressed={state.vote === 1}
        aria-label={t('vote.up', { what: label })}
        disabled={disabled}
        onClick={() => cast(1)}
      >
        ▲
      </button>
      <span className="qa-score">
        <span aria-hidden="true">{formatNumber(state.score)}</span>
        <span className="sr-only">{t('vote.score', { score: state.score })}</span>
      </span>
      <button
        type="button"
        className={`vote-arrow${state.vote === -1 ? ' is-on is-down' : ''}`}
        aria-pressed={state.vote === -1}
        aria-label={t('vote.down', { what: label })}
        disabled={disabled}
        onClick={() => cast(-1)}
      >
        ▼
      </button>
      {error !== null && (
        <div className="qa-vote-error">
          <ErrorBanner error={error} />
        </div>
      )}
    </div>
  );
}
