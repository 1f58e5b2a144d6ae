import type { Database } from './client.js';

/**
 * One instance per open database, made on first use: the group writers and readers keep their queue per
 * process and database (tests open several databases in one process).
 * @example const answerWriter = perDatabase((database) => new AnswerWriter(database)); answerWriter(ctx.database).write(…)
 */
export function perDatabase<T>(make: (database: Database) => T): (database: Database) => T {
  const made = new WeakMap<Database, T>();
  return (database) => {
    let value = made.get(database);
    if (value === undefined) {
      value = make(database);
      made.set(database, value);
    }
    return value;
  };
}
