import type { AppContext } from '../context.js';
import type { Actor } from '../http/auth.js';
import { signup, updateMe } from '../modules/accounts/service.js';

export const DEMO_PASSWORD = 'foule-demo-2026';

export interface DemoPerson {
  id: string;
  email: string;
  name: string;
  locale: 'en' | 'fr';
  /** What the demo lets this person do, printed at first start. */
  description: string;
  /** Act as this person when calling services. */
  actor: Actor;
}

/** The demo's people, by first name; every domain seeder receives them. */
export interface DemoPeople {
  alice: DemoPerson;
  bob: DemoPerson;
  carole: DemoPerson;
  david: DemoPerson;
  emma: DemoPerson;
}

const PEOPLE: Record<keyof DemoPeople, { email: string; name: string; locale: 'en' | 'fr'; description: string; bio: string }> = {
  alice: {
    email: 'alice@demo.foule',
    name: 'Alice Martin',
    locale: 'fr',
    description: 'hosts projects; owner of Atelier Vélo Lyon',
    bio: 'Ingénieure, cycliste, bricoleuse.',
  },
  bob: {
    email: 'bob@demo.foule',
    name: 'Bob Nguyen',
    locale: 'en',
    description: 'a member of the crowd',
    bio: 'I back things I would use.',
  },
  carole: {
    email: 'carole@demo.foule',
    name: 'Carole Dubois',
    locale: 'fr',
    description: 'owner of Open Science Collective',
    bio: 'Chercheuse en qualité de l’air.',
  },
  david: {
    email: 'david@demo.foule',
    name: 'David Okafor',
    locale: 'en',
    description: 'hosts a project; admin of Open Science Collective',
    bio: 'Game designer and teacher.',
  },
  emma: {
    email: 'emma@demo.foule',
    name: 'Emma Leroy',
    locale: 'fr',
    description: 'a member of the crowd; member of Atelier Vélo Lyon',
    bio: 'Je commente tout.',
  },
};

/**
 * Creates the demo's people (all with DEMO_PASSWORD) through the normal sign-up.
 * @example const people = await createDemoPeople(ctx); people.alice.actor
 */
export async function createDemoPeople(ctx: AppContext): Promise<DemoPeople> {
  const out = {} as DemoPeople;
  for (const [key, p] of Object.entries(PEOPLE) as [keyof DemoPeople, (typeof PEOPLE)[keyof DemoPeople]][]) {
    const { user } = await signup(ctx, { email: p.email, password: DEMO_PASSWORD, name: p.name, locale: p.locale });
    await updateMe(ctx, user.id, { bio: p.bio });
    out[key] = {
      id: user.id,
      email: p.email,
      name: p.name,
      locale: p.locale,
      description: p.description,
      actor: { userId: user.id, role: 'member', via: 'session' },
    };
  }
  return out;
}
