import { registerFollowsSql } from '../projects/follows-sql.js';
import { onProjectCreated, registerViewerState } from '../projects/hooks.js';
import { recordActivity } from './activity.js';
import { hasSignedUp, isFollower } from './audience.js';
import { followsOfPersonSql } from './follow-sql.js';

// A new project's feed starts with its creation.
onProjectCreated(async (tx, p, actorId) => {
  await recordActivity(tx, { projectId: p.id, kind: 'project_created', actorId, subject: `project:${p.id}`, data: { title: p.title } });
});

// A project's page tells its viewer whether they follow it and signed up for its launch.
registerViewerState(async (db, projectId, userId) => ({
  following: await isFollower(db, projectId, userId),
  signedUp: await hasSignedUp(db, projectId, userId),
}));

// A person's "following" list is drawn by projects from the follows kept here.
registerFollowsSql(followsOfPersonSql);
