import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema/accounts.js';

/** What other modules may know of a person: enough to name, greet and write to them. */
export interface Person {
  id: string;
  name: string;
  email: string;
  locale: string;
}

const PERSON = { id: users.id, name: users.name, email: users.email, locale: users.locale };

export async function selectPeople(db: Executor, ids: readonly string[]): Promise<Person[]> {
  if (!ids.length) return [];
  return db
    .select(PERSON)
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
}

export async function selectPersonByEmail(db: Executor, email: string): Promise<Person | null> {
  const [row] = await db
    .select(PERSON)
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}
