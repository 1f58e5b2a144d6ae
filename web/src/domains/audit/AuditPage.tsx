import type { ApiItem } from '../../api';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  EmptyState,
  ErrorBanner,
  Field,
  Loading,
  RequireSignIn,
  Time,
  useApi,
  usePagedList,
  usePageTitle,
  ListState,
  TableHead,
} from '../../components';

/** An entry as GET /audit and GET /orgs/{id}/audit answer it (generated from the OpenAPI document). */
export type AuditEntry = ApiItem<'/api/v1/audit'>;

/** The action codes the server records, for the filter's suggestions (a prefix such as `org.` matches a family). */
export const AUDIT_ACTIONS = [
  'project.hide',
  'project.unhide',
  'project.update',
  'comment.hide',
  'comment.unhide',
  'report.resolve',
  'campaign.settle',
  'campaign.end',
  'campaign.cancel',
  'pledge.refund',
  'pledge.fix',
  'payout.create',
  'org.create',
  'org.update',
  'org.member_add',
  'org.member_remove',
  'org.member_leave',
  'org.member_role_change',
  'task_batch.publish',
  'task_batch.pause',
  'task_batch.close',
  'task_assignment.approve',
  'task_assignment.reject',
  'task_bonus.pay',
  'idea.status_change',
  'idea.update',
  'idea.merge',
  'operator.create',
  'operator.grant',
  'operator.password_set',
  'api_token.create',
  'api_token.revoke',
  'api_token.revoke_all',
  'account.erase',
] as const;

interface Filters {
  action: string;
  actorId: string;
  since: string;
  until: string;
}
const NO_FILTERS: Filters = { action: '', actorId: '', since: '', until: '' };

function queryOf(base: string, f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v.trim()) q.set(k, v.trim());
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/** /audit: the whole audit log, for operators. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  usePageTitle(t('title'));
  return (
    <RequireSignIn operator>
      <AuditLog base="/audit" title={t('title')} lead={t('lead')} operator />
    </RequireSignIn>
  );
}

/** /orgs/:id/audit: an organization's own entries, for its owners and admins. */
export function OrgAuditPage() {
  const { t } = useTranslation('audit');
  const { id = '' } = useParams();
  const org = useApi<{ id: string; slug: string; name: string; viewer: { role: 'owner' | 'admin' | 'member' | null } }>(
    `/orgs/${encodeURIComponent(id)}`,
  );
  usePageTitle(org.data ? t('orgTitle', { name: org.data.name }) : t('title'));
  return (
    <RequireSignIn>
      {org.loading ? (
        <Loading />
      ) : !org.data ? (
        <ErrorBanner error={org.error} onRetry={org.reload} />
      ) : (
        <AuditLog
          base={`/orgs/${org.data.id}/audit`}
          title={t('orgTitle', { name: org.data.name })}
          lead={t('orgLead')}
          back={{ to: `/orgs/${org.data.slug}`, label: org.data.name }}
        />
      )}
    </RequireSignIn>
  );
}

function AuditLog({
  base,
  title,
  lead,
  operator,
  back,
}: {
  base: string;
  title: string;
  lead: string;
  operator?: boolean;
  back?: { to: string; label: string };
}) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const list = usePagedList<AuditEntry>(queryOf(base, applied), 50);
  const filtered = Object.values(applied).some((v) => v.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
  };
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          {back && (
            <p className="small m-0">
              <Link to={back.to}>← {back.label}</Link>
            </p>
          )}
          <h1>{title}</h1>
          <p className="muted m-0 mt-xs">{lead}</p>
        </div>
      </div>

      <search className="card audit-filters" aria-label={t('filters.label')}>
        <form className="contents" onSubmit={submit}>
          <Field
            label={t('filters.action')}
            hint={t('filters.actionHint')}
            value={draft.action}
            onChange={set('action')}
            list="audit-actions"
            autoComplete="off"
          />
          <datalist id="audit-actions">
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${a}`, { defaultValue: a })}
              </option>
            ))}
          </datalist>
          <Field
            label={t('filters.actor')}
            hint={t('filters.actorHint')}
            value={draft.actorId}
            onChange={set('actorId')}
            autoComplete="off"
          />
          <Field label={t('filters.since')} type="date" value={draft.since} onChange={set('since')} />
          <Field label={t('filters.until')} type="date" value={draft.until} onChange={set('until')} />
          <div className="audit-filter-actions">
            <button type="submit" className="btn btn-primary">
              {t('filters.apply')}
            </button>
            {filtered && (
              <button type="button" className="btn btn-ghost" onClick={clear}>
                {t('filters.clear')}
              </button>
            )}
          </div>
        </form>
      </search>

      <ErrorBanner
        error={list.error}
        onRetry={list.reload}
        fields={['querystring.action', 'querystring.actorId', 'querystring.since', 'querystring.until']}
      />
      <ListState
        list={list}
        empty={
          <EmptyState
            icon="shield"
            title={filtered ? t('emptyFiltered') : t('empty')}
            action={
              filtered ? (
                <button type="button" className="btn" onClick={clear}>
                  {t('filters.clear')}
                </button>
              ) : undefined
            }
          >
            {filtered ? t('emptyFilteredLead') : t('emptyLead')}
          </EmptyState>
        }
      >
        {(items) =>
          list.items.length > 0 && (
            <div className="table-wrap">
              <table className="table audit-table">
                <caption className="sr-only">{title}</caption>
                <TableHead
                  columns={[
                    t('columns.when'),
                    t('columns.who'),
                    t('columns.action'),
                    t('columns.target'),
                    t('columns.summary'),
                    operator && t('columns.from'),
                  ]}
                />
                <tbody>
                  {items.map((e) => (
                    <Row key={e.id} entry={e} operator={operator} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ListState>
    </div>
  );
}

function Row({ entry: e, operator }: { entry: AuditEntry; operator?: boolean }) {
  const { t } = useTranslation('audit');
  const who =
    e.actor.role === 'system' && !e.actor.id ? (
      <span className="badge badge-muted">{t('system')}</span>
    ) : e.actor.id && e.actor.name !== null ? (
      <Link to={`/u/${e.actor.id}`}>{e.actor.name}</Link>
    ) : (
      <span className="muted">{t('erased')}</span>
    );
  return (
    <tr>
      <td data-label={t('columns.when')} className="audit-when">
        <Time iso={e.at} />
      </td>
      <td data-label={t('columns.who')}>
        <span>
          {who}
          {e.actor.role === 'operator' && <span className="faint small audit-meta">{t('roles.operator')}</span>}
        </span>
      </td>
      <td data-label={t('columns.action')}>
        <span>
          {t(`actions.${e.action}`, { defaultValue: e.action })}
          <code className="faint audit-meta">{e.action}</code>
        </span>
      </td>
      <td data-label={t('columns.target')}>
        <span>
          {t(`targets.${e.target.type}`, { defaultValue: e.target.type })}
          <code className="faint audit-meta">{e.target.id}</code>
        </span>
      </td>
      <td data-label={t('columns.summary')} className="audit-summary">
        {e.summary}
      </td>
      {operator && (
        <td data-label={t('columns.from')}>
          <span className="small">
            {e.ip ?? '—'}
            {e.requestId && <code className="faint audit-meta">{e.requestId}</code>}
          </span>
        </td>
      )}
    </tr>
  );
}
