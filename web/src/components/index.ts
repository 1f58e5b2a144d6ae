// Shared building blocks for every domain's pages. Each file documents its props with an example.
export { Tabs, type TabItem, type TabsProps } from './Tabs';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { ErrorBanner, errorMessage, type ErrorBannerProps } from './ErrorBanner';
export { Spinner, Loading } from './Spinner';
export { ProgressBar, type ProgressBarProps } from './ProgressBar';
export { Markdown, type MarkdownProps } from './Markdown';
export { Comments, type CommentsProps, type CommentItem } from './Comments';
export { ReportButton } from './ReportButton';
export { LoadMore, usePagedList, type LoadMoreProps, type PagedList } from './LoadMore';
export { Modal, type ModalProps } from './Modal';
export { Field, fieldError, type FieldProps } from './Field';
export { Avatar, colorFor } from './Avatar';
export { Time } from './Time';
export { useApi, type ApiState } from './useApi';
export { RequireSignIn } from './RequireSignIn';
export { Icon, ICON_NAMES, type IconName } from './Icon';
export { usePageTitle } from './usePageTitle';
