import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/** What the project page hands a domain's tab. */
export interface ProjectSummary {
  id: string;
  slug: string;
  title: string;
  ownerId: string;
  orgId: string | null;
  viewer: { isHost: boolean };
}

/** A domain's contribution to the web app: its own pages and, optionally, a tab on the project page. */
export interface WebDomain {
  routes?: RouteObject[];
  projectTab?: { key: string; labelKey: string; Component: ComponentType<{ project: ProjectSummary }> };
}
