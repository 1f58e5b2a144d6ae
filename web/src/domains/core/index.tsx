import { Navigate, useParams } from 'react-router';
import { defineDomain, signedIn } from '../define';
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
export const coreDomain = defineDomain({
  pages: {
    '/': HomePage,
    '/explore': ExplorePage,
    '/signin': SignInPage,
    '/signup': SignUpPage,
    '/reset-password': ResetPasswordPage,
    '/password-reset': ResetPasswordPage,
    '/password-reset/confirm': ResetConfirmPage,
    '/projects/new': NewProjectPage,
    '/projects/:slug/:tab?': ProjectAlias,
    '/p/:slug/edit': EditProjectPage,
    '/p/:slug/:tab?': ProjectPage,
    '/u/:id': ProfilePage,
    '/settings/:section?': signedIn(SettingsPage),
    '/notifications': signedIn(NotificationsPage),
    '/moderation': signedIn(ModerationPage, { operator: true }),
    '/orgs/new': NewOrgPage,
    '/orgs/:id': OrgPage,
  },
});
