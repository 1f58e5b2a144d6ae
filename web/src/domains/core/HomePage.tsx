import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, Icon, usePagedList, ListState, SearchBar } from '../../components';
import { useSession } from '../../session';
import { ProjectCard } from './ProjectCard';
import { CATEGORIES, type ProjectCardData } from './projectTypes';

/**
 * Home and explore: a welcome (on the home page), then search, category and sort, and the projects' cards.
 * The search lives in the URL (?q=&category=&sort=) so a result can be shared.
 */
export function HomePage({ hero = true }: { hero?: boolean }) {
  const { t } = useTranslation('core');
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const sort = params.get('sort') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (category) query.set('category', category);
  const orgId = params.get('orgId');
  if (orgId) query.set('orgId', orgId);
  if (sort && !(sort === 'relevance' && !q)) query.set('sort', sort);
  const list = usePagedList<ProjectCardData>(`/projects${query.size ? `?${query}` : ''}`, 12);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim(), sort: text.trim() ? sort : sort === 'relevance' ? '' : sort });
  };
  const searching = Boolean(q || category);

  return (
    <>
      {hero && !searching && (
        <section className="hero">
          <h1>{t('home.title')}</h1>
          <p>{t('home.lead')}</p>
          <div className="row mt">
            <Link className="btn btn-light" to="/projects/new">
              {t('home.start')}
            </Link>
            {!me && (
              <Link className="btn btn-outline-light" to="/signup">
                {t('home.join')}
              </Link>
            )}
          </div>
        </section>
      )}
      <section aria-labelledby="explore-title">
        <div className="page-head">
          {hero && !searching ? (
            <h2 id="explore-title">{t('home.exploreTitle')}</h2>
          ) : (
            <h1 id="explore-title">{q ? t('home.resultsFor', { q }) : t('home.exploreTitle')}</h1>
          )}
          {q && (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => update({ q: '', sort: sort === 'relevance' ? '' : sort })}
            >
              <Icon name="x" size={15} /> {t('home.clear')}
            </button>
          )}
        </div>
        <SearchBar
          id="explore-q"
          label={t('home.searchLabel')}
          placeholder={t('home.searchPlaceholder')}
          maxLength={200}
          value={text}
          onChange={setText}
          onSubmit={submit}
        >
          <label className="sr-only" htmlFor="explore-category">
            {t('home.categoryLabel')}
          </label>
          <select id="explore-category" value={category} onChange={(e) => update({ category: e.target.value })}>
            <option value="">{t('home.allCategories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="explore-sort">
            {t('home.sortLabel')}
          </label>
          <select id="explore-sort" value={sort || (q ? 'relevance' : 'new')} onChange={(e) => update({ sort: e.target.value })}>
            {q && <option value="relevance">{t('home.sort.relevance')}</option>}
            <option value="new">{t('home.sort.new')}</option>
            <option value="popular">{t('home.sort.popular')}</option>
          </select>
          <button type="submit" className="btn btn-primary bar-tall">
            {t('home.search')}
          </button>
        </SearchBar>
        <ListState
          list={list}
          empty={
            searching ? (
              <EmptyState icon="search" title={t('home.noResultsTitle')}>
                {t('home.noResultsLead')}
              </EmptyState>
            ) : (
              <EmptyState icon="sprout" title={t('home.emptyTitle')} link={{ to: '/projects/new', label: t('home.start') }}>
                {t('home.emptyLead')}
              </EmptyState>
            )
          }
        >
          {(items) => (
            <div className="grid" aria-live="polite">
              {items.map((p) => (
                <ProjectCard key={p.id} project={p} />
              ))}
            </div>
          )}
        </ListState>
      </section>
    </>
  );
}

export function ExplorePage() {
  return <HomePage hero={false} />;
}
