import type { InfiniteData } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';

export type Comment = components['schemas']['Comment'];
export type CommentPage = components['schemas']['CommentList'];
export type HistoryEntry = components['schemas']['HistoryEntry'];

/** The cached shape of a task's comments: the pages of an infinite query, oldest first. */
export type CommentPages = InfiniteData<CommentPage>;
