export { LazyMarkdown } from './lazy-markdown.tsx';
export type { MarkdownMember, MarkdownProps } from './markdown.tsx';
