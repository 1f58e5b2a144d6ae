import { Navigate, useParams } from 'react-router';
import type { WebDomain } from '../types';
import { ExplorePage, HomePage } from './HomePage';
import { ResetConfirmPage, ResetPasswordPage, SignInPage, SignUpPage } from './AuthPages';
import { EditProjectPage, NewProjectPage } from './ProjectFormPage';
import { ProjectPage } from './ProjectPage';
import { ProfilePage } from './ProfilePage';
import { SettingsPage } from './SettingsPage';
import { NotificationsPage } from './NotificationsPage';
import { ModerationPage } from './ModerationPage';
import { NewOrgPage, OrgPage } from './OrgPages';

/** Links in e-mails use /projects/<slug>: they land on the project page. */
function ProjectAlias() {
  const { slug, tab } = useParams();
  return <Navigate to={`/p/${slug}${tab ? `/${tab}` : ''}`} replace />;
}

// The pages every installation has: home and explore, accounts, projects, profiles, settings, notifications,
// organizations and moderation. The layout around every page and the not-found page stay in App.tsx.
export const coreDomain: WebDomain = {
  routes: [
    { path: '/', element: <HomePage /> },
    { path: '/explore', element: <ExplorePage /> },
    { path: '/signin', element: <SignInPage /> },
    { path: '/signup', element: <SignUpPage /> },
    { path: '/reset-password', element: <ResetPasswordPage /> },
    { path: '/password-reset', element: <ResetPasswordPage /> },
    { path: '/password-reset/confirm', element: <ResetConfirmPage /> },
    { path: '/projects/new', element: <NewProjectPage /> },
    { path: '/projects/:slug/:tab?', element: <ProjectAlias /> },
    { path: '/p/:slug/edit', element: <EditProjectPage /> },
    { path: '/p/:slug/:tab?', element: <ProjectPage /> },
    { path: '/u/:id', element: <ProfilePage /> },
    { path: '/settings/:section?', element: <SettingsPage /> },
    { path: '/notifications', element: <NotificationsPage /> },
    { path: '/moderation', element: <ModerationPage /> },
    { path: '/orgs/new', element: <NewOrgPage /> },
    { path: '/orgs/:id', element: <OrgPage /> },
  ],
};
