// What other modules may say about a person's reputation inside their own statements (author lines of questions
// and answers), without naming the reputation_events table: a correlated sum on the indexed user id.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * The sum of a person's reputation points (0 for none).
 * @example sql`SELECT a.id, ${reputationSql(sql`a.id`)} AS reputation FROM …`
 */
export function reputationSql(userId: SQLWrapper | string): SQL<number> {
  return sql<number>`(SELECT coalesce(sum(vs_r.points), 0)::int FROM reputation_events vs_r WHERE vs_r.user_id = ${userId})`;
}
