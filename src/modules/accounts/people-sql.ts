// What other modules may say about a person inside their own statements, without naming the accounts tables:
// SQL fragments the accounts module owns (a correlated read on the primary key, as cheap as a join).
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** A person id in a statement: a column, an expression, or a value. */
type PersonRef = SQLWrapper | string;

/**
 * The person's display name (null for no such person).
 * @example sql`SELECT c.body, ${personNameSql(sql`c.author_id`)} AS author_name FROM comments c`
 */
export function personNameSql(userId: PersonRef): SQL<string | null> {
  return sql<string | null>`(SELECT vs_u.name FROM users vs_u WHERE vs_u.id = ${userId})`;
}

/**
 * The person's e-mail address, lower-cased (for matching sign-ups made with it).
 * @example sql`lower(s.email) = ${personEmailSql(userId)}`
 */
export function personEmailSql(userId: PersonRef): SQL<string | null> {
  return sql<string | null>`(SELECT lower(vs_u.email) FROM users vs_u WHERE vs_u.id = ${userId})`;
}

/**
 * The person as a derived table `(id, name)` to join laterally, where a list shows many people's names (the
 * planner makes it the plain join it stands for; no row for no such person).
 * @example sql`FROM projects p JOIN LATERAL ${personRowSql(sql`p.owner_id`)} u ON TRUE`
 */
export function personRowSql(userId: PersonRef): SQL {
  return sql`(SELECT vs_u.id, vs_u.name FROM users vs_u WHERE vs_u.id = ${userId})`;
}
