import { registerAuditLookups } from '../audit/lookup-sql.js';
import { personNameSql } from './people-sql.js';

// The audit log names who acted: audit asks accounts through this fragment.
registerAuditLookups({ personNameSql });
