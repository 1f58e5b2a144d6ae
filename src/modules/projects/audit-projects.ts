import { registerAuditLookups } from '../audit/lookup-sql.js';
import { projectOrgIdSql } from './project-sql.js';

// An audit entry about a project belongs to the project's organization: audit asks projects through this fragment.
registerAuditLookups({ projectOrgIdSql });
