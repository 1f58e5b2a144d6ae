import type { AppContext } from '../context.js';
import { addMember, createOrg } from '../modules/orgs/service.js';
import { findProject, type Project } from '../modules/projects/access.js';
import { createProject, type Category } from '../modules/projects/service.js';
import { createComment } from '../modules/community/comments.js';
import { followProject } from '../modules/community/follows.js';
import { signUpForLaunch } from '../modules/community/signups.js';
import { postUpdate } from '../modules/community/updates.js';
import type { DemoPeople, DemoPerson } from './people.js';

/**
 * The demo projects' slugs, for other domains' seeders (`await demoProject(ctx, 'solarLights')`).
 * The community seeder runs first, so these exist when the others run.
 */
export const DEMO_PROJECTS = {
  solarLights: 'solar-bike-lights',
  repairWorkshop: 'atelier-de-reparation-de-velos',
  gardens: 'jardins-partages-de-la-croix-rousse',
  airSensors: 'open-air-quality-sensors',
  climateGame: 'jeu-de-societe-sur-le-climat',
  toolLibrary: 'neighbourhood-tool-library',
} as const;

/**
 * A demo project by its key in DEMO_PROJECTS.
 * @example const p = await demoProject(ctx, 'solarLights')
 */
export async function demoProject(ctx: AppContext, key: keyof typeof DEMO_PROJECTS): Promise<Project> {
  return findProject(ctx.db, DEMO_PROJECTS[key], null);
}

interface ProjectSeed {
  key: keyof typeof DEMO_PROJECTS;
  host: keyof DemoPeople;
  org?: 'atelier' | 'science';
  title: string;
  summary: string;
  category: Category;
  description: string;
}

const PROJECTS: ProjectSeed[] = [
  {
    key: 'solarLights',
    host: 'alice',
    title: 'Solar Bike Lights',
    summary: 'Bike lights that charge in the sun and never need batteries.',
    category: 'technology',
    description:
      '## Why\nCyclists forget to charge their lights. Ours charge while the bike is parked outside.\n\n' +
      '## What\n- a front and a rear light, 200 lumens\n- a solar cell in the housing, 8 hours of light a day of sun\n- no battery to replace: a supercapacitor lasts 10 years\n\n' +
      'We are validating the price before the campaign: **tell us what you would pay** in the survey.',
  },
  {
    key: 'repairWorkshop',
    host: 'alice',
    org: 'atelier',
    title: 'Atelier de réparation de vélos',
    summary: 'Un atelier associatif où chacun apprend à réparer son vélo, avec des outils partagés.',
    category: 'community',
    description:
      '## Le projet\nNous ouvrons un atelier participatif dans le 7e arrondissement : des bénévoles vous aident à réparer vos vélos vous-même.\n\n' +
      '## Ce qu’il nous faut\n- un local de 60 m²\n- des pieds d’atelier et des outils spécialisés\n- des pièces de réemploi\n\n' +
      'Les cyclistes du quartier sont les bienvenus, débutants compris.',
  },
  {
    key: 'gardens',
    host: 'alice',
    title: 'Jardins partagés de la Croix-Rousse',
    summary: 'Transformer une friche en jardins partagés, cultivés par les habitants du quartier.',
    category: 'environment',
    description:
      'Une friche de 1 200 m² attend depuis dix ans. Avec la mairie, nous proposons d’y créer **trente parcelles** partagées, un composteur collectif et un récupérateur d’eau de pluie.\n\n' +
      'Quelles cultures voulez-vous ? Proposez vos idées !',
  },
  {
    key: 'airSensors',
    host: 'carole',
    org: 'science',
    title: 'Open Air Quality Sensors',
    summary: 'Cheap, open-hardware sensors that let every street measure its own air.',
    category: 'science',
    description:
      '## The sensor\nA €25 kit measuring PM2.5, PM10, NO₂ and temperature, publishing open data every minute.\n\n' +
      '## The science\nWe calibrate every batch against a reference station, and we need volunteers to **label** suspicious readings.',
  },
  {
    key: 'climateGame',
    host: 'david',
    org: 'science',
    title: 'Jeu de société sur le climat',
    summary: 'A cooperative board game to understand climate science, for classrooms — en français et en anglais.',
    category: 'games',
    description:
      'Players are a town council facing forty years of climate choices. Every card is sourced from the IPCC reports.\n\n' +
      'Un jeu coopératif pour les classes de collège et de lycée, testé dans douze écoles.',
  },
  {
    key: 'toolLibrary',
    host: 'david',
    title: 'Neighbourhood Tool Library',
    summary: 'Borrow a drill instead of buying one: a lending library for tools.',
    category: 'civic',
    description:
      'Most drills are used for 13 minutes in their whole life. We lend tools for free to members, from a shelf in the community centre.',
  },
];

/**
 * The community's demo data: two organizations with members, six projects in English and French, follows,
 * comment threads with replies, updates to followers and launch sign-ups — all made through the services.
 * @example await seedCommunity(ctx, people)
 */
export async function seedCommunity(ctx: AppContext, people: DemoPeople): Promise<void> {
  const { alice, bob, carole, david, emma } = people;
  const atelier = await createOrg(ctx, alice.actor, {
    name: 'Atelier Vélo Lyon',
    description: 'Association d’entraide pour la réparation et le réemploi des vélos, à Lyon depuis 2014.',
    website: 'https://atelier-velo.example',
  });
  await addMember(ctx, alice.actor, atelier.id, { email: emma.email, role: 'member' });
  await addMember(ctx, alice.actor, atelier.id, { email: bob.email, role: 'member' });
  const science = await createOrg(ctx, carole.actor, {
    name: 'Open Science Collective',
    description: 'Researchers and makers who build **open** tools for citizen science.',
    website: 'https://open-science.example',
  });
  await addMember(ctx, carole.actor, science.id, { email: david.email, role: 'admin' });
  await addMember(ctx, carole.actor, science.id, { email: bob.email, role: 'member' });
  const orgIds = { atelier: atelier.id, science: science.id };

  const byKey = {} as Record<keyof typeof DEMO_PROJECTS, Project>;
  for (const seed of PROJECTS) {
    byKey[seed.key] = await createProject(ctx, people[seed.host].actor, {
      title: seed.title,
      summary: seed.summary,
      description: seed.description,
      category: seed.category,
      orgId: seed.org ? orgIds[seed.org] : undefined,
    });
  }

  const follows: [DemoPerson, keyof typeof DEMO_PROJECTS][] = [
    [bob, 'solarLights'],
    [emma, 'solarLights'],
    [carole, 'solarLights'],
    [david, 'solarLights'],
    [bob, 'repairWorkshop'],
    [emma, 'repairWorkshop'],
    [carole, 'repairWorkshop'],
    [emma, 'gardens'],
    [carole, 'gardens'],
    [alice, 'airSensors'],
    [bob, 'airSensors'],
    [emma, 'airSensors'],
    [bob, 'climateGame'],
    [alice, 'climateGame'],
    [emma, 'toolLibrary'],
  ];
  for (const [person, key] of follows) await followProject(ctx, person.actor, byKey[key].id);

  const on = (key: keyof typeof DEMO_PROJECTS) => `project:${byKey[key].id}`;
  const q1 = await createComment(ctx, bob.actor, on('solarLights'), { body: 'How bright are they on a cloudy week in November?' });
  const a1 = await createComment(ctx, alice.actor, on('solarLights'), {
    body: 'About **5 hours** of full light after three grey days; we measured it in Lyon last winter.',
    parentId: q1.id,
  });
  await createComment(ctx, bob.actor, on('solarLights'), { body: 'Good enough for my commute, count me in.', parentId: a1.id });
  await createComment(ctx, emma.actor, on('solarLights'), { body: 'Will there be a version for cargo bikes?' });
  const q2 = await createComment(ctx, emma.actor, on('repairWorkshop'), {
    body: 'Super idée ! Est-ce que l’atelier sera ouvert le samedi ?',
  });
  await createComment(ctx, alice.actor, on('repairWorkshop'), {
    body: 'Oui, le samedi de 10 h à 17 h, et le mercredi soir.',
    parentId: q2.id,
  });
  await createComment(ctx, carole.actor, on('gardens'), { body: 'Je peux apporter des semis de tomates anciennes.' });
  const q3 = await createComment(ctx, bob.actor, on('airSensors'), { body: 'Is the data under an open licence?' });
  await createComment(ctx, carole.actor, on('airSensors'), { body: 'Yes: ODbL for the data, CERN-OHL for the hardware.', parentId: q3.id });
  await createComment(ctx, alice.actor, on('climateGame'), { body: 'My students would love this. Any plans for a printable version?' });

  const u1 = await postUpdate(ctx, alice.actor, byKey.solarLights.id, {
    title: 'Prototype 3 survived the winter',
    body: 'Three months outside, rain and frost included: **no failure**. Next step: the price survey, then the campaign.',
  });
  await createComment(ctx, david.actor, `update:${u1.id}`, { body: 'Impressive. What is the housing made of?' });
  await postUpdate(ctx, alice.actor, byKey.repairWorkshop.id, {
    title: 'Nous avons trouvé un local !',
    body: 'La mairie nous prête un ancien garage rue Pierre-Dupont. Ouverture prévue au printemps.',
  });
  await postUpdate(ctx, carole.actor, byKey.airSensors.id, {
    title: 'First batch calibrated',
    body: 'Fifty sensors agree with the reference station within 8%. Volunteers wanted to label the outliers.',
  });

  for (const person of [bob, emma, carole]) await signUpForLaunch(ctx, person.actor, byKey.solarLights.id, {});
  for (const email of ['lea.dupont@example.org', 'sam.taylor@example.org'])
    await signUpForLaunch(ctx, null, byKey.solarLights.id, { email });
  await signUpForLaunch(ctx, emma.actor, byKey.repairWorkshop.id, {});
}
