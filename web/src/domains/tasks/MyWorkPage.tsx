// A worker's history of work and pay.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, Time, useApi, usePageTitle, usePagedList, ListState, TableHead } from '../../components';
import { formatMoney, formatNumber } from '../../format';
import { answerText, type Earnings, type MyAssignment } from './types';

export function MyWorkPage() {
  const { t } = useTranslation('tasks');
  usePageTitle(t('myWork'));
  const earnings = useApi<Earnings>('/me/task-earnings');
  const list = usePagedList<MyAssignment>('/me/assignments', 30);
  const money = (xs: { amount: number; currency: string }[] | undefined) =>
    xs?.length ? xs.map((x) => formatMoney(x.amount, x.currency)).join(' · ') : '—';
  return (
    <div className="stack">
      <h1>{t('myWork')}</h1>
      {earnings.data && (
        <div className="grid task-stats">
          <div className="card">
            <div className="muted small">{t('earned')}</div>
            <div className="task-stat">{money(earnings.data.balances)}</div>
          </div>
          <div className="card">
            <div className="muted small">{t('pendingPay')}</div>
            <div className="task-stat">{money(earnings.data.pending)}</div>
          </div>
          <div className="card">
            <div className="muted small">{t('answersCount')}</div>
            <div className="task-stat">{formatNumber(earnings.data.answers.submitted)}</div>
            <div className="muted small">
              {t('reviewCounts', {
                approved: earnings.data.answers.approved,
                rejected: earnings.data.answers.rejected,
                pending: earnings.data.answers.submitted - earnings.data.answers.approved - earnings.data.answers.rejected,
              })}
            </div>
          </div>
        </div>
      )}
      <ListState list={list} empty={<EmptyState icon="check" title={t('noWork')} />}>
        {(items) => (
          <table className="table card">
            <TableHead columns={[t('when'), t('batch'), t('answer'), t('review'), t('pay')]} />
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Time iso={a.submittedAt ?? a.leasedAt} />
                  </td>
                  <td>
                    <Link to={`/task-batches/${a.batch.id}`}>{a.batch.title}</Link>
                  </td>
                  <td>{a.status === 'submitted' ? answerText(a.answer) : t(`assignment.${a.status}`)}</td>
                  <td>
                    {a.review === 'none' ? '—' : t(`reviewState.${a.review}`)}
                    {a.reviewReason && <div className="muted small">{a.reviewReason}</div>}
                  </td>
                  <td>{a.pay && a.status === 'submitted' ? formatMoney(a.pay.amount, a.pay.currency) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    </div>
  );
}
