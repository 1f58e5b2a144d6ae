import type { WebDomain } from '../types';
import './tasks.css';
import { BatchPage } from './BatchPage';
import { MyWorkPage } from './MyWorkPage';
import { NewBatchPage } from './NewBatchPage';
import { ResultsPage } from './ResultsPage';
import { TasksTab } from './TasksTab';
import { WorkPage } from './WorkPage';

// Micro-tasks: the Tasks tab on a project, a host's batch pages (create, upload, publish, review, results) and
// the worker's pages (work with the keyboard, history of work and pay).
export const tasksDomain: WebDomain = {
  routes: [
    { path: '/p/:slug/task-batches/new', element: <NewBatchPage /> },
    { path: '/task-batches/:id', element: <BatchPage /> },
    { path: '/task-batches/:id/work', element: <WorkPage /> },
    { path: '/task-batches/:id/results', element: <ResultsPage /> },
    { path: '/me/tasks', element: <MyWorkPage /> },
  ],
  projectTab: { key: 'tasks', labelKey: 'tasks:tab', Component: TasksTab },
};
