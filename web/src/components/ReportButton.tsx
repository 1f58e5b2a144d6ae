import { bindValue } from './bindValue';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Icon } from './Icon';
import { useSession } from '../session';
import { ErrorBanner } from './ErrorBanner';
import { useMutation } from './useMutation';
import { Field } from './Field';
import { Modal } from './Modal';

/**
 * A "Report" button that asks for a reason and sends it to the operators' moderation queue
 * (POST /<type>s/<id>/report: comments and projects today). Shown only to signed-in people.
 * @example <ReportButton subject={`comment:${comment.id}`} />  <ReportButton subject={`project:${project.id}`} label />
 */
export function ReportButton({ subject }: { subject: string }) {
  const { t } = useTranslation('core');
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useMutation(async () => {
    const [type, id] = subject.split(':') as [string, string];
    await api('POST', `/${type}s/${encodeURIComponent(id)}/report`, { reason });
    setDone(true);
    setOpen(false);
  });
  const [done, setDone] = useState(false);
  if (!me) return null;
  if (done)
    return (
      <span className="faint small" role="status">
        {t('report.thanks')}
      </span>
    );
  const formId = `report-${subject}`;
  return (
    <>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(true)}>
        <Icon name="flag" size={14} /> {t('report.button')}
      </button>
      <Modal
        open={open}
        title={t('report.title')}
        onClose={() => setOpen(false)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" form={formId} className="btn btn-danger" disabled={busy || reason.trim().length < 3}>
              {t('report.send')}
            </button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} className="stack">
          <p className="muted">{t('report.lead')}</p>
          <Field label={t('report.reason')} required>
            <textarea
              {...bindValue(reason, setReason)}
              minLength={3}
              maxLength={1000}
              // biome-ignore lint/a11y/noAutofocus: the dialog opens to ask for this reason: its field takes the focus
              autoFocus
            />
          </Field>
          <ErrorBanner error={error} />
        </form>
      </Modal>
    </>
  );
}
