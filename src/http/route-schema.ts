// What every route on one thing named by `:id` declares the same way: its tag, its params, the error answers.
import type { ZodType } from 'zod';
import { ZIdParams, errorResponses } from './schemas.js';

/**
 * A maker of route schemas for one tag, on routes with an `:id` param: each adds the params and the error answers.
 * @example const onId = idRouteSchema('ideas'); r.get('/ideas/:id', onId({ summary: 'An idea', response: { 200: ZIdea } }), …)
 */
export function idRouteSchema(tag: string) {
  return <S extends { summary: string; description?: string; response: Record<number, ZodType> }>(s: S) => {
    const { summary, description, response, ...request } = s;
    const schema = { tags: [tag], summary, description, params: ZIdParams, ...request, response: { ...response, ...errorResponses } };
    // Spreading a generic loses the response's own codes: say what the object holds.
    return { schema: schema as Omit<S, 'response'> & typeof schema & { response: S['response'] & typeof errorResponses } };
  };
}
