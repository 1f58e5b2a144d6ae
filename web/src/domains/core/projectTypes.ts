import type { ApiItem, ApiResponse } from '../../api';

/** The project categories the API accepts (src/modules/projects/service.ts CATEGORIES). */
export const CATEGORIES = [
  'technology',
  'design',
  'arts',
  'community',
  'environment',
  'science',
  'education',
  'health',
  'civic',
  'food',
  'games',
  'other',
] as const;

/** A project as lists show it (GET /projects, /me/projects, /me/follows, an organization's page). */
export type ProjectCardData = ApiItem<'/api/v1/projects'>;

/** A project as GET /projects/{idOrSlug} answers it. */
export type Project = ApiResponse<'/api/v1/projects/{id}'>;
