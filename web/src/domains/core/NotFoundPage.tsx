import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components';

export function NotFoundPage() {
  const { t } = useTranslation('core');
  return (
    <EmptyState icon="compass" title={t('common.notFoundTitle')} link={{ to: '/', label: t('common.goHome') }}>
      {t('common.notFoundLead')}
    </EmptyState>
  );
}
