import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../components';
import type { ProjectSummary, WebDomain } from './types';

/** A page that only signed-in people see (only operators with `operator`); the others get a prompt to sign in. */
export interface GuardedPage {
  Page: ComponentType;
  operator: boolean;
}

/** Marks a page of `defineDomain` as for signed-in people (or operators) only. */
export function signedIn(Page: ComponentType, { operator = false } = {}): GuardedPage {
  return { Page, operator };
}

export interface DomainSpec {
  /** Each path with its page: `{ '/me/pledges': signedIn(MyPledgesPage), '/campaigns/:id': CampaignPage }`. */
  pages: Record<string, ComponentType | GuardedPage>;
  /** A tab on the project page at /p/:slug/<key>, labelled by `<namespace>:tab`. */
  tab?: { key: string; namespace: string; Component: ComponentType<{ project: ProjectSummary }> };
}

/**
 * A domain's contribution to the web app from its table of pages and its project tab.
 * @example export const fundingDomain = defineDomain({ pages: { '/me/pledges': signedIn(MyPledgesPage) }, tab: { key: 'campaign', namespace: 'funding', Component: CampaignTab } });
 */
export function defineDomain({ pages, tab }: DomainSpec): WebDomain {
  const routes: RouteObject[] = Object.entries(pages).map(([path, page]) => {
    if ('Page' in page) {
      const { Page, operator } = page;
      return {
        path,
        element: (
          <RequireSignIn operator={operator}>
            <Page />
          </RequireSignIn>
        ),
      };
    }
    const Page = page;
    return { path, element: <Page /> };
  });
  return { routes, ...(tab ? { projectTab: { key: tab.key, labelKey: `${tab.namespace}:tab`, Component: tab.Component } } : {}) };
}
