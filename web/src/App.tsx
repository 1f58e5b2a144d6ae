import { createBrowserRouter, RouterProvider } from 'react-router';
import { SessionProvider } from './session';
import { Layout } from './domains/core/Layout';
import { NotFoundPage } from './domains/core/NotFoundPage';
import { domains } from './domains/registry';

// Every page comes from a domain plugin (core first); the layout wraps them and the not-found page comes last.
const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [...domains.flatMap((d) => d.routes ?? []), { path: '*', element: <NotFoundPage /> }],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
