// A person's follows belong to the community module, which imports projects; so community tells projects at
// start how to read them (modules/wiring.ts → community/project-hooks.ts), and "projects I follow" stays one
// statement without projects naming community's table.
import type { SQL } from 'drizzle-orm';
import { registeredFunction } from '../../lib/registered.js';

/** A statement yielding `(project_id, created_at)` for each project the person follows. */
export type FollowsOfSql = (userId: string) => SQL;

const followsOf = registeredFunction<FollowsOfSql>('no follows source registered: import modules/wiring.ts');

/** Called once at start by the module that owns follows. */
export const registerFollowsSql = followsOf.register;

/** The registered statement; a missing registration is a wiring bug, not a user's error. */
export function followsOfSql(userId: string): SQL {
  return followsOf.call(userId);
}
