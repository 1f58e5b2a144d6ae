import { defineDomain, signedIn } from '../define';
import './tasks.css';
import { BatchPage } from './BatchPage';
import { MyWorkPage } from './MyWorkPage';
import { NewBatchPage } from './NewBatchPage';
import { ResultsPage } from './ResultsPage';
import { TasksTab } from './TasksTab';
import { WorkPage } from './WorkPage';

// Micro-tasks: the Tasks tab on a project, a host's batch pages (create, upload, publish, review, results) and
// the worker's pages (work with the keyboard, history of work and pay).
export const tasksDomain = defineDomain({
  pages: {
    '/p/:slug/task-batches/new': signedIn(NewBatchPage),
    '/task-batches/:id': BatchPage,
    '/task-batches/:id/work': signedIn(WorkPage),
    '/task-batches/:id/results': signedIn(ResultsPage),
    '/me/tasks': signedIn(MyWorkPage),
  },
  tab: { key: 'tasks', namespace: 'tasks', Component: TasksTab },
});
