import { createBrowserRouter, RouterProvider } from 'react-router';
import { SessionProvider } from './session';
import { Layout } from './domains/core/Layout';
import { HomePage } from './domains/core/HomePage';
import { domains } from './domains/registry';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [{ path: '/', element: <HomePage /> }, ...domains.flatMap((d) => d.routes ?? [])],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
