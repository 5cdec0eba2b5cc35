export { LazyMarkdown } from './lazy-markdown.tsx';
export type { MarkdownMember, TaskLinkProps } from './markdown.tsx';
