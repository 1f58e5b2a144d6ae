// A searchable list of questions: words, a tag, unanswered only, sorted by relevance, newest or votes.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, Time, usePagedList, ListState, SearchBar } from '../../components';
import { formatNumber } from '../../format';
import type { QuestionSummary } from './types';

export interface QuestionListProps {
  /** `/projects/<id>/questions` or `/questions` (with its own query, e.g. `?scope=site`). */
  basePath: string;
  /** Where "Ask a question" goes; omitted for visitors who cannot ask. */
  askHref?: string;
}

export function QuestionList({ basePath, askHref }: QuestionListProps) {
  const { t } = useTranslation('knowledge');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const unanswered = params.get('unanswered') === 'true';
  const sort = params.get('sort') ?? '';
  const [words, setWords] = useState(q);
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (tag) query.set('tag', tag);
  if (unanswered) query.set('unanswered', 'true');
  if (sort) query.set('sort', sort);
  const sep = basePath.includes('?') ? '&' : '?';
  const list = usePagedList<QuestionSummary>(`${basePath}${query.toString() ? sep + query.toString() : ''}`);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    set('q', words.trim());
  };

  return (
    <div className="stack">
      <div className="row-between">
        <SearchBar
          className="qa-search"
          id="qa-search-input"
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={words}
          onChange={setWords}
          onSubmit={search}
        >
          <button type="submit" className="btn">
            {t('search.button')}
          </button>
        </SearchBar>
        {askHref && (
          <Link className="btn btn-primary" to={askHref}>
            {t('ask.button')}
          </Link>
        )}
      </div>
      <div className="row">
        <label className="checkbox small">
          <input type="checkbox" checked={unanswered} onChange={(e) => set('unanswered', e.target.checked ? 'true' : '')} />
          {t('search.unanswered')}
        </label>
        <label className="sr-only" htmlFor="qa-sort">
          {t('sort.label')}
        </label>
        <select id="qa-sort" className="qa-select" value={sort} onChange={(e) => set('sort', e.target.value)}>
          <option value="">{q ? t('sort.relevance') : t('sort.new')}</option>
          {q && <option value="new">{t('sort.new')}</option>}
          <option value="votes">{t('sort.votes')}</option>
        </select>
        {tag && (
          <button type="button" className="badge qa-tag-filter" onClick={() => set('tag', '')} aria-label={t('search.clearTag', { tag })}>
            #{tag} ✕
          </button>
        )}
      </div>
      <ListState
        list={list}
        empty={
          <EmptyState icon="help" title={q || tag || unanswered ? t('search.none') : t('empty')}>
            {q || tag || unanswered ? null : t('emptyLead')}
          </EmptyState>
        }
      >
        {(items) => (
          <ul className="list card qa-list px-card">
            {items.map((question) => (
              <li key={question.id} className="qa-row">
                <div className="qa-counts" aria-hidden="true">
                  <span>
                    <strong>{formatNumber(question.score)}</strong> {t('votesShort', { count: question.score })}
                  </span>
                  <span className={question.acceptedAnswerId ? 'qa-answered is-accepted' : question.answersCount ? 'qa-answered' : ''}>
                    <strong>{formatNumber(question.answersCount)}</strong> {t('answersShort', { count: question.answersCount })}
                  </span>
                </div>
                <div className="stack-sm gap-2xs-plus min-w-0">
                  <Link to={`/questions/${question.id}`} className="qa-title">
                    {question.title}
                  </Link>
                  {question.excerpt && <span className="muted small qa-excerpt">{question.excerpt}</span>}
                  <span className="row small muted">
                    {question.tags.map((tg) => (
                      <button key={tg} type="button" className="badge badge-muted qa-tag" onClick={() => set('tag', tg)}>
                        #{tg}
                      </button>
                    ))}
                    <span>
                      {t('askedBy', { name: question.author.name, reputation: formatNumber(question.author.reputation) })} ·{' '}
                      <Time iso={question.createdAt} />
                    </span>
                    <span className="sr-only">
                      {t('votesCount', { count: question.score })}, {t('answersCount', { count: question.answersCount })}
                      {question.acceptedAnswerId ? `, ${t('hasAccepted')}` : ''}
                    </span>
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </div>
  );
}
