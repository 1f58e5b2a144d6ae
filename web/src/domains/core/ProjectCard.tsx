import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { colorFor, ListState, usePagedList } from '../../components';
import type { ProjectCardData } from './projectTypes';

const GRADIENTS: Record<string, string> = {
  technology: 'linear-gradient(135deg,#4f46e5,#06b6d4)',
  design: 'linear-gradient(135deg,#db2777,#f59e0b)',
  arts: 'linear-gradient(135deg,#9333ea,#ec4899)',
  community: 'linear-gradient(135deg,#f97316,#facc15)',
  environment: 'linear-gradient(135deg,#059669,#84cc16)',
  science: 'linear-gradient(135deg,#0ea5e9,#6366f1)',
  education: 'linear-gradient(135deg,#2563eb,#14b8a6)',
  health: 'linear-gradient(135deg,#e11d48,#fb7185)',
  civic: 'linear-gradient(135deg,#0f766e,#3b82f6)',
  food: 'linear-gradient(135deg,#ea580c,#84cc16)',
  games: 'linear-gradient(135deg,#7c3aed,#22d3ee)',
};

/** A project's cover: its image, or a gradient of its category with its initial. */
export function Cover({
  title,
  category,
  url,
  showCategory = true,
}: {
  title: string;
  category: string;
  url: string | null;
  showCategory?: boolean;
}) {
  const { t } = useTranslation('core');
  const [broken, setBroken] = useState(false);
  return (
    <div className="cover">
      {url && !broken ? (
        <img src={url} alt="" loading="lazy" onError={() => setBroken(true)} />
      ) : (
        <div
          className="cover-fallback"
          style={{ background: GRADIENTS[category] ?? `linear-gradient(135deg, ${colorFor(title)}, #a78bfa)` }}
          aria-hidden="true"
        >
          {title.trim().charAt(0).toUpperCase()}
        </div>
      )}
      {showCategory && <span className="chip">{t(`categories.${category}`, { defaultValue: category })}</span>}
    </div>
  );
}

/** A project in a grid: cover with its category, title, summary, host and followers. */
export function ProjectCard({ project }: { project: ProjectCardData }) {
  const { t } = useTranslation('core');
  return (
    <Link to={`/p/${project.slug}`} className="project-card">
      <Cover title={project.title} category={project.category} url={project.coverImageUrl} />
      <div className="project-card-body">
        <h3>{project.title}</h3>
        <p>{project.summary}</p>
        <div className="project-card-meta">
          <span>{project.org?.name ?? project.owner.name}</span>
          <span>{t('home.followers', { count: project.followers })}</span>
        </div>
      </div>
    </Link>
  );
}

/** A grid of project cards from an API list (paged with "Load more"), or a line saying there is none. */
export function ProjectList({ path, empty }: { path: string; empty: string }) {
  const list = usePagedList<ProjectCardData>(path, 12);
  return (
    <ListState list={list} empty={<p className="muted">{empty}</p>}>
      {(items) => (
        <div className="grid">
          {items.map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </div>
      )}
    </ListState>
  );
}
