import { createBrowserRouter, Navigate, RouterProvider, useParams } from 'react-router';
import { SessionProvider } from './session';
import { Layout } from './domains/core/Layout';
import { ExplorePage, HomePage } from './domains/core/HomePage';
import { ResetConfirmPage, ResetPasswordPage, SignInPage, SignUpPage } from './domains/core/AuthPages';
import { EditProjectPage, NewProjectPage } from './domains/core/ProjectFormPage';
import { ProjectPage } from './domains/core/ProjectPage';
import { ProfilePage } from './domains/core/ProfilePage';
import { SettingsPage } from './domains/core/SettingsPage';
import { NotificationsPage } from './domains/core/NotificationsPage';
import { ModerationPage } from './domains/core/ModerationPage';
import { NewOrgPage, OrgPage } from './domains/core/OrgPages';
import { NotFoundPage } from './domains/core/NotFoundPage';
import { domains } from './domains/registry';

/** Links in e-mails use /projects/<slug>: they land on the project page. */
function ProjectAlias() {
  const { slug, tab } = useParams();
  return <Navigate to={`/p/${slug}${tab ? `/${tab}` : ''}`} replace />;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
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
      ...domains.flatMap((d) => d.routes ?? []),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
