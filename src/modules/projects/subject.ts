import { registerProjectGate, registerSubject } from '../subjects/registry.js';
import { projectGateSql, projectSubjectSql } from './project-sql.js';

// A project as a subject: `project:prj_…` belongs to itself (comments find it through findProject).
registerSubject('project', { visibleSql: projectSubjectSql });

// Why: what belongs to a draft is its hosts' only; what belongs to a project hidden by moderation, its hosts' and
// operators' (as findProject and isProjectHost decide for one project).
registerProjectGate(projectGateSql);
