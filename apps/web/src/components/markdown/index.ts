export { LazyMarkdown } from './lazy-markdown.tsx';
export type { MarkdownMember } from './markdown.tsx';
