import type { TestApp, TestUser } from '../../../test/support/test-app.js';

/**
 * People signed up one after the other, in the order named.
 * @example [host, alice] = await signupEach(t, ['Host', 'Alice'])
 */
export async function signupEach<N extends string[]>(t: TestApp, names: [...N]): Promise<{ [K in keyof N]: TestUser }> {
  const people: TestUser[] = [];
  for (const name of names) people.push(await t.signup(name));
  return people as { [K in keyof N]: TestUser };
}
