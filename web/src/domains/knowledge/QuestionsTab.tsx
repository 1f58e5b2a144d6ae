// The Questions tab of a project: search and browse its questions, ask one.
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import type { ProjectSummary } from '../types';
import { QuestionList } from './QuestionList';

export function QuestionsTab({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation('knowledge');
  const { me } = useSession();
  return (
    <div className="stack">
      <h2 className="section-title m-0">{t('title')}</h2>
      <QuestionList
        basePath={`/projects/${project.id}/questions`}
        askHref={me ? `/p/${project.slug}/questions/ask` : `/signin?next=${encodeURIComponent(`/p/${project.slug}/questions/ask`)}`}
      />
    </div>
  );
}
