import { sql, type SQL } from 'drizzle-orm';

/**
 * True, in SQL, when the person is an operator (for rules written in SQL by other modules).
 * @example sql`… OR ${isOperatorSql(userId)}`
 */
export function isOperatorSql(userId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM users vs_op WHERE vs_op.id = ${userId} AND vs_op.role = 'operator')`;
}
