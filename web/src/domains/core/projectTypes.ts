/** The project categories the API accepts (src/modules/projects/service.ts CATEGORIES). */
export const CATEGORIES = ['technology', 'design', 'arts', 'community', 'environment', 'science', 'education', 'health', 'civic', 'food', 'games', 'other'] as const;

/** A project as lists show it (GET /projects, /me/projects, /me/follows, an organization's page). */
export interface ProjectCardData {
  id: string;
  slug: string;
  title: string;
  summary: string;
  category: string;
  coverImageUrl: string | null;
  followers: number;
  hidden: boolean;
  createdAt: string;
  owner: { id: string; name: string };
  org: { id: string; slug: string; name: string } | null;
}

/** A project as GET /projects/{idOrSlug} answers it. */
export interface Project {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  descriptionHtml: string;
  category: string;
  coverImageUrl: string | null;
  ownerId: string;
  orgId: string | null;
  owner: { id: string; name: string };
  org: { id: string; slug: string; name: string } | null;
  hidden: boolean;
  followers: number;
  createdAt: string;
  updatedAt: string;
  viewer: { isHost: boolean; following: boolean; signedUp: boolean };
}
