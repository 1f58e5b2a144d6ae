// Writing the audit log: one append-only row per administrative or money action, inside the action's transaction.
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { newId } from '../../lib/ids.js';
import { type AuditActorRole, insertAuditEntry } from './queries.js';

export type { AuditActorRole };

/**
 * Who acted and from where. Routes build it with `auditContext(request)` and hand it to services as a plain value,
 * so services never read the request. `actorId` null with role `system` is the scheduler, a start-up step or the CLI.
 */
export interface AuditFrom {
  actorId: string | null;
  actorRole: AuditActorRole;
  ip: string | null;
  requestId: string | null;
}

/** The instance itself: the scheduler, start-up (FOULE_ADMIN_EMAIL) and the `foule` command. */
export const SYSTEM: AuditFrom = Object.freeze({ actorId: null, actorRole: 'system', ip: null, requestId: null });

export interface AuditEntry {
  /** A stable code, `<target>.<verb>`: `project.hide`, `pledge.refund`, `org.member_role_change`. */
  action: string;
  targetType: string;
  targetId: string;
  /** One line a person reads in the log; ids and titles rather than e-mail addresses. */
  summary: string;
  /** The organization the target belongs to. Left undefined with a `projectId`, it is the project's organization. */
  orgId?: string | null;
  projectId?: string | null;
  /** Details for later reading (amounts, before/after); small and free of secrets. */
  data?: Record<string, unknown>;
  /** When the action happened (the service's clock); the database's now() when left out. */
  at?: Date;
}

/**
 * The actor, IP and request id of an HTTP request, for `recordAudit`.
 * @example await setCommentHidden(ctx, operator, id, true, reason, auditContext(request))
 */
export function auditContext(request: FastifyRequest): AuditFrom {
  return {
    actorId: request.actor?.userId ?? null,
    actorRole: request.actor?.role ?? 'system',
    ip: request.ip ?? null,
    requestId: request.id ? String(request.id) : null,
  };
}

/** `from` when the route passed one, else the acting person without request details, else the system. */
export function auditFrom(from: AuditFrom | Actor | null | undefined): AuditFrom {
  if (!from) return SYSTEM;
  if ('userId' in from) return { actorId: from.userId, actorRole: from.role, ip: null, requestId: null };
  return from;
}

const MAX_SUMMARY = 500;

/** PostgreSQL text and jsonb take neither NUL nor lone surrogates; an audit row must never fail its action for that. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is removed
  return text.replace(/\u0000/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A title or reason quoted in a summary, shortened. */
export function quote(text: string | null | undefined, max = 120): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

/**
 * Appends one row to the audit log inside the caller's transaction, so the record exists exactly when the action
 * committed. `from` is an `AuditFrom` (from `auditContext(request)`), the acting `Actor`, or nothing for the system.
 * @example await recordAudit(tx, { action: 'project.hide', targetType: 'project', targetId: p.id, projectId: p.id, summary: 'Hid project “Solar”' }, from ?? operator)
 */
export async function recordAudit(tx: Executor, entry: AuditEntry, from?: AuditFrom | Actor | null): Promise<string> {
  const who = auditFrom(from);
  const id = newId('aud');
  const summary = clean(entry.summary).slice(0, MAX_SUMMARY);
  const data = JSON.parse(JSON.stringify(entry.data ?? {}), (_k, v: unknown) => (typeof v === 'string' ? clean(v) : v)) as Record<
    string,
    unknown
  >;
  // The organization of a project is read in the same statement: callers name the project and need not look it up.
  await insertAuditEntry(tx, {
    id,
    at: entry.at ?? null,
    actorId: who.actorId,
    actorRole: who.actorRole,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    orgId: entry.orgId,
    projectId: entry.projectId ?? null,
    summary,
    data,
    ip: who.ip,
    requestId: who.requestId,
  });
  return id;
}

/**
 * Records that an account was erased (`DELETE /me`), inside the erasure's transaction. The audit rows the person
 * acted in stay (append-only) and keep only their id, which resolves to nobody once the account is gone.
 * @example await recordAccountErasure(tx, userId, auditContext(request))
 */
export async function recordAccountErasure(tx: Executor, userId: string, from?: AuditFrom | Actor | null, at?: Date): Promise<string> {
  const who = auditFrom(from);
  const self = who.actorId === userId;
  return recordAudit(
    tx,
    {
      action: 'account.erase',
      targetType: 'user',
      targetId: userId,
      summary: self ? 'Erased their own account' : `Erased account ${userId}`,
      at,
    },
    who,
  );
}
