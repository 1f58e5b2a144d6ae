// What modules register with each other, in one place that every entry point imports: the HTTP app (through
// modules/index.ts) and whatever runs services without it (the demo seed of the `foule` command).
// What comments, feeds and notifications can be about: each owner registers its subjects (see subjects/registry.ts).
import './projects/subject.js';
import './community/subject.js';
import './ideas/subject.js';
import './knowledge/subject.js';
import './funding/subject.js';
import './surveys/subject.js';
import './tasks/subject.js';
// Lower modules ask higher ones through what these register (so neither imports the other back).
import './orgs/audit-access.js';
import './projects/org-projects.js';
import './community/project-hooks.js';
import './accounts/audit-names.js';
import './projects/audit-projects.js';
