import { defineDomain } from '../define';
import './audit.css';
import { AuditPage, OrgAuditPage } from './AuditPage';

// The audit log: every administrative and money action, for operators (/audit) and for an organization's owners
// and admins (/orgs/:id/audit, its own entries).
export const auditDomain = defineDomain({
  pages: {
    '/audit': AuditPage,
    '/orgs/:id/audit': OrgAuditPage,
  },
});
