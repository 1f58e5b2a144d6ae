import { z } from 'zod';

// A project as lists show it lives in http/ because an organization's page shows the same cards.
export { ZProjectCard } from '../../http/project-card.js';

/** A project's page: GET /projects/{idOrSlug}, and the answer of POST and PATCH. */
export const ZProject = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  descriptionHtml: z.string(),
  category: z.string(),
  coverImageUrl: z.string().nullable(),
  ownerId: z.string(),
  orgId: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }),
  org: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  hidden: z.boolean(),
  followers: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  viewer: z.object({ isHost: z.boolean(), following: z.boolean(), signedUp: z.boolean() }).passthrough(),
});
