import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { errorResponses } from '../../http/schemas.js';
import { ZProjectCard } from '../../http/project-card.js';
import { addMember, changeMemberRole, createOrg, myOrgs, orgView, removeMember, updateOrg } from './service.js';
import { auditContext } from '../audit/record-audit.js';

const ZRole = z.enum(['owner', 'admin', 'member']);
const ZWebsite = z
  .string()
  .trim()
  .url('must be a URL')
  .max(500)
  .regex(/^https?:\/\//, 'must be an http(s) URL');

export const ZCreateOrgRequest = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(100),
  description: z.string().max(5000).optional(),
  website: ZWebsite.optional(),
});
export const ZUpdateOrgRequest = z.object({
  name: ZCreateOrgRequest.shape.name.optional(),
  description: z.string().max(5000).optional(),
  website: ZWebsite.nullable().optional(),
});
export const ZAddMemberRequest = z
  .object({
    userId: z.string().min(1).max(100).optional(),
    email: z.string().trim().email('must be a valid e-mail address').max(254).optional(),
    role: ZRole.default('member'),
  })
  .refine((b) => Boolean(b.userId) !== Boolean(b.email), { message: 'give either userId or email (one of them)', path: ['userId'] });
export const ZChangeMemberRequest = z.object({ role: ZRole });

export const ZOrgMember = z.object({ userId: z.string(), name: z.string(), role: ZRole, joinedAt: z.string() });
export const ZOrg = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  descriptionHtml: z.string(),
  website: z.string().nullable(),
  createdAt: z.string(),
  members: z.array(ZOrgMember),
  projects: z.array(ZProjectCard).describe('Its visible projects, newest first (at most 50; GET /projects?orgId= for all)'),
  moreProjects: z.boolean(),
  viewer: z.object({ role: ZRole.nullable() }),
});
const ZMemberParams = z.object({ id: z.string().min(1).max(100), userId: z.string().min(1).max(100) });

export async function orgsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orgs'];
  const onId = idRouteSchema('orgs');

  r.post(
    '/orgs',
    {
      schema: {
        tags,
        summary: 'Create an organization (you become its owner)',
        body: ZCreateOrgRequest,
        response: { 201: ZOrg, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const org = await createOrg(ctx, actor, request.body, auditContext(request));
      return reply.status(201).send(await orgView(ctx, org.id, actor));
    },
  );

  r.get(
    '/orgs/:id',
    onId({
      summary: 'An organization by id or slug: members and projects',
      response: { 200: ZOrg },
    }),
    async (request) => orgView(ctx, request.params.id, request.actor),
  );

  r.patch(
    '/orgs/:id',
    onId({
      summary: 'Edit an organization (owners and admins)',
      body: ZUpdateOrgRequest,
      response: { 200: ZOrg },
    }),
    async (request) => {
      const actor = requireActor(request);
      return orgView(ctx, await updateOrg(ctx, actor, request.params.id, request.body, auditContext(request)), actor);
    },
  );

  r.post(
    '/orgs/:id/members',
    onId({
      summary: 'Add a member by userId or e-mail (owners and admins; only owners grant owner/admin)',
      body: ZAddMemberRequest,
      response: { 201: ZOrgMember },
    }),
    async (request, reply) =>
      reply.status(201).send(await addMember(ctx, requireActor(request), request.params.id, request.body, auditContext(request))),
  );

  r.patch(
    '/orgs/:id/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role (owners)",
        params: ZMemberParams,
        body: ZChangeMemberRequest,
        response: { 200: ZOrgMember, ...errorResponses },
      },
    },
    async (request) =>
      changeMemberRole(ctx, requireActor(request), request.params.id, request.params.userId, request.body.role, auditContext(request)),
  );

  r.delete(
    '/orgs/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member, or leave (owners remove anyone, admins remove members)',
        params: ZMemberParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeMember(ctx, requireActor(request), request.params.id, request.params.userId, auditContext(request));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/me/orgs',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'The organizations I belong to, with my role',
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), role: ZRole })),
            nextCursor: z.null(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await myOrgs(ctx, requireActor(request).userId), nextCursor: null }),
  );
}
