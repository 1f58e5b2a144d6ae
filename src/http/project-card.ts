import { z } from 'zod';

/** A project as lists show it: GET /projects, /me/projects, /me/follows and an organization's page. */
export const ZProjectCard = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.string(),
  coverImageUrl: z.string().nullable(),
  followers: z.number().int(),
  hidden: z.boolean().describe('true only in the lists of your own projects (explore never lists hidden ones)'),
  createdAt: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }),
  org: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
});
