// Names for the generated types (schema.d.ts, from the OpenAPI document): a page asks for "what this route answers".
import type { paths } from './schema';

/** A path of the API as the document names it: '/api/v1/campaigns/{id}'. */
export type ApiPath = keyof paths;
export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Operation<P extends ApiPath, M extends ApiMethod> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;

/**
 * The JSON a route answers on success.
 * @example type Campaign = ApiResponse<'/api/v1/campaigns/{id}'>
 */
export type ApiResponse<P extends ApiPath, M extends ApiMethod = 'get'> =
  Operation<P, M> extends { responses: infer R } ? Json<Success<R>> : never;

/**
 * The JSON body a route takes.
 * @example type NewTier = ApiBody<'/api/v1/campaigns/{id}/tiers', 'post'>
 */
export type ApiBody<P extends ApiPath, M extends ApiMethod = 'post'> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/**
 * One item of a paged list (`{items, nextCursor}`) a route answers.
 * @example type MyPledge = ApiItem<'/api/v1/me/pledges'>
 */
export type ApiItem<P extends ApiPath, M extends ApiMethod = 'get'> = ApiResponse<P, M> extends { items: (infer I)[] } ? I : never;
