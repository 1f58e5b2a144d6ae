// The accounts module's answer to "who is this person?" for every other module (names of authors, addresses to
// write to), so that no module reads the users table itself.
import type { Executor } from '../../db/client.js';
import { type Person, selectPeople, selectPersonByEmail } from './people-queries.js';

export type { Person };

/**
 * The people with these ids, by id (an unknown id is simply absent).
 * @example (await peopleByIds(db, [a, b])).get(a)?.name // 'Ada'
 */
export async function peopleByIds(db: Executor, ids: readonly string[]): Promise<Map<string, Person>> {
  return new Map((await selectPeople(db, ids)).map((p) => [p.id, p]));
}

/** One person by id, or null. */
export async function personById(db: Executor, id: string): Promise<Person | null> {
  return (await selectPeople(db, [id]))[0] ?? null;
}

/** The person with this e-mail address (any case), or null. */
export function personByEmail(db: Executor, email: string): Promise<Person | null> {
  return selectPersonByEmail(db, email);
}
