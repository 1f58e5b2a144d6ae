// Opening and editing a challenge (hosts): prompt, the start date of each phase, and the rules.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import {
  EmptyState,
  ErrorBanner,
  Field,
  fieldError,
  Loading,
  RequireSignIn,
  useApi,
  usePageTitle,
  useMutation,
  bindValue,
} from '../../components';
import type { ProjectSummary } from '../types';
import type { Challenge } from './types';

const PHASE_KEYS = ['submission', 'voting', 'review', 'closed'] as const;
type PhaseKey = (typeof PHASE_KEYS)[number];

/** An ISO instant as the value of a datetime-local input (the reader's local time). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function defaultPhases(): Record<PhaseKey, string> {
  const day = 24 * 3600_000;
  const start = Date.now();
  return {
    submission: toLocalInput(new Date(start).toISOString()),
    voting: toLocalInput(new Date(start + 7 * day).toISOString()),
    review: toLocalInput(new Date(start + 14 * day).toISOString()),
    closed: toLocalInput(new Date(start + 21 * day).toISOString()),
  };
}

interface FormProps {
  initial?: Challenge;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  submitLabel: string;
}

function ChallengeFields({ initial, onSubmit, submitLabel }: FormProps) {
  const { t } = useTranslation('ideas');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [prompt, setPrompt] = useState(initial?.prompt ?? '');
  const [phases, setPhases] = useState<Record<PhaseKey, string>>(
    initial
      ? (Object.fromEntries(PHASE_KEYS.map((k) => [k, toLocalInput(initial.phases[k])])) as Record<PhaseKey, string>)
      : defaultPhases(),
  );
  const [limited, setLimited] = useState(initial ? initial.rules.votesPerPerson !== null : true);
  const [votes, setVotes] = useState(String(initial?.rules.votesPerPerson ?? 10));
  const [duringVoting, setDuringVoting] = useState(initial?.rules.submissionsDuringVoting ?? false);
  const [publicRanking, setPublicRanking] = useState(initial?.rules.publicRanking ?? true);
  const [publish, setPublish] = useState(false);

  const { busy, error, submit, field } = useMutation(async () => {
    const iso = (v: string) => (v ? new Date(v).toISOString() : v);
    await onSubmit({
      title,
      prompt,
      phases: Object.fromEntries(PHASE_KEYS.map((k) => [k, iso(phases[k])])),
      rules: { votesPerPerson: limited ? Number(votes) : null, submissionsDuringVoting: duringVoting, publicRanking },
      ...(initial ? {} : { status: publish ? 'published' : 'draft' }),
    });
  });

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <ErrorBanner error={error} fields={['title', 'prompt', 'phases', 'rules']} />
      <Field label={t('form.title')} {...bindValue(title, setTitle)} {...field('title')} required maxLength={150} />
      <Field label={t('form.prompt')} hint={t('form.promptHint')} {...field('prompt')}>
        <textarea {...bindValue(prompt, setPrompt)} rows={5} />
      </Field>
      <fieldset>
        <legend>{t('form.phases')}</legend>
        <p className="muted small">{t('form.phasesHint')}</p>
        <div className="ide-phase-grid">
          {PHASE_KEYS.map((k) => (
            <Field
              key={k}
              type="datetime-local"
              label={t(`form.phaseStart.${k}`)}
              value={phases[k]}
              onChange={(e) => setPhases((p) => ({ ...p, [k]: e.target.value }))}
              error={fieldError(error, `phases.${k}`)}
              required
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="stack-sm">
        <legend>{t('form.rules')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={limited} onChange={(e) => setLimited(e.target.checked)} />
          {t('form.limitVotes')}
        </label>
        {limited && (
          <Field
            type="number"
            min={0}
            max={10000}
            label={t('form.votesPerPerson')}
            {...bindValue(votes, setVotes)}
            {...field('rules.votesPerPerson')}
          />
        )}
        <label className="checkbox">
          <input type="checkbox" checked={duringVoting} onChange={(e) => setDuringVoting(e.target.checked)} />
          {t('form.submissionsDuringVoting')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={publicRanking} onChange={(e) => setPublicRanking(e.target.checked)} />
          {t('form.publicRanking')}
        </label>
      </fieldset>
      {!initial && (
        <label className="checkbox">
          <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
          {t('form.publishNow')}
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** /p/:slug/challenges/new */
export function NewChallengePage() {
  const { t } = useTranslation('ideas');
  const { slug } = useParams();
  const navigate = useNavigate();
  const { data: project, error, loading } = useApi<ProjectSummary>(`/projects/${encodeURIComponent(slug!)}`);
  usePageTitle(t('newChallenge'));
  if (loading) return <Loading />;
  if (error || !project) return <ErrorBanner error={error} />;
  if (!project.viewer.isHost) return <EmptyState icon="lock" title={t('hostsOnly')} />;
  return (
    <RequireSignIn>
      <div className="medium stack">
        <div>
          <Link to={`/p/${project.slug}/ideas`} className="small">
            ← {project.title}
          </Link>
          <h1>{t('newChallenge')}</h1>
        </div>
        <ChallengeFields
          submitLabel={t('form.create')}
          onSubmit={async (body) => {
            const c = await api<Challenge>('POST', `/projects/${project.id}/challenges`, body);
            navigate(`/challenges/${c.id}`);
          }}
        />
      </div>
    </RequireSignIn>
  );
}

/** /challenges/:id/edit */
export function EditChallengePage() {
  const { t } = useTranslation('ideas');
  const { id } = useParams();
  const navigate = useNavigate();
  const { data: challenge, error, loading } = useApi<Challenge>(`/challenges/${encodeURIComponent(id!)}`);
  usePageTitle(t('editChallenge'));
  if (loading) return <Loading />;
  if (error || !challenge) return <ErrorBanner error={error} />;
  if (!challenge.viewer.isHost) return <EmptyState icon="lock" title={t('hostsOnly')} />;
  return (
    <div className="medium stack">
      <div>
        <Link to={`/challenges/${challenge.id}`} className="small">
          ← {challenge.title}
        </Link>
        <h1>{t('editChallenge')}</h1>
      </div>
      <ChallengeFields
        initial={challenge}
        submitLabel={t('form.save')}
        onSubmit={async (body) => {
          await api<Challenge>('PATCH', `/challenges/${challenge.id}`, body);
          navigate(`/challenges/${challenge.id}`);
        }}
      />
    </div>
  );
}
