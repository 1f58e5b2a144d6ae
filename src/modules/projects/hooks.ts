import type { Executor } from '../../db/client.js';
import type { Project } from './access.js';

/**
 * What other modules add to a project's life without projects importing them (they import projects): community
 * records the feed event of a new project and tells a viewer whether they follow it or signed up for its launch.
 */
export type ProjectCreatedHook = (tx: Executor, project: Project, actorId: string) => Promise<void>;
export type ViewerStateProvider = (db: Executor, projectId: string, userId: string) => Promise<{ following: boolean; signedUp: boolean }>;

const created: ProjectCreatedHook[] = [];
let viewerState: ViewerStateProvider | null = null;

/** Runs `hook` inside the transaction that creates each project. */
export function onProjectCreated(hook: ProjectCreatedHook): void {
  created.push(hook);
}

/** Registers how a viewer's relation to a project is read (once, by the community module). */
export function registerViewerState(provider: ViewerStateProvider): void {
  viewerState = provider;
}

/** Calls every hook registered with onProjectCreated, in order. */
export async function projectCreated(tx: Executor, project: Project, actorId: string): Promise<void> {
  for (const hook of created) await hook(tx, project, actorId);
}

/** Whether the viewer follows the project and signed up for its launch (both false until community registers). */
export async function viewerStateOf(db: Executor, projectId: string, userId: string): Promise<{ following: boolean; signedUp: boolean }> {
  return viewerState ? viewerState(db, projectId, userId) : { following: false, signedUp: false };
}
