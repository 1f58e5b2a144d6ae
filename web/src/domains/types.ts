import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * What the project page hands a domain's tab: the project as GET /projects/{idOrSlug} answers it.
 * The first fields are always there; the optional ones are there too on the project page (kept optional for compatibility).
 */
export interface ProjectSummary {
  id: string;
  slug: string;
  title: string;
  ownerId: string;
  orgId: string | null;
  viewer: { isHost: boolean; following?: boolean; signedUp?: boolean };
  summary?: string;
  category?: string;
  coverImageUrl?: string | null;
  owner?: { id: string; name: string };
  org?: { id: string; slug: string; name: string } | null;
  followers?: number;
  hidden?: boolean;
  createdAt?: string;
}

/** A domain's contribution to the web app: its own pages and, optionally, a tab on the project page. */
export interface WebDomain {
  /** Pages, rendered inside the layout (top bar): e.g. { path: '/campaigns/:id', element: <CampaignPage /> }. */
  routes?: RouteObject[];
  /**
   * A tab on the project page, at /p/:slug/<key> (key: lower-case letters, digits, dashes; not "edit").
   * labelKey: "<namespace>:<key>" (e.g. "funding:tab"), or a key looked up in `namespace`, else in the namespace named like `key`.
   */
  projectTab?: { key: string; labelKey: string; namespace?: string; Component: ComponentType<{ project: ProjectSummary }> };
}
