// The web app's API client: the small fetch wrapper, and names for the types generated from the OpenAPI document.
export * from './client';
export type { ApiPath, ApiMethod, ApiResponse, ApiBody, ApiItem } from './types';
