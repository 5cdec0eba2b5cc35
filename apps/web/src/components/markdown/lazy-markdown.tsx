import { lazy, Suspense } from 'react';
import type { MarkdownProps } from './markdown.tsx';

const Markdown = lazy(() =>
  import('./markdown.tsx').then((module) => ({ default: module.Markdown })),
);

/**
 * The Markdown renderer, loaded with the first text that needs it so that the Markdown libraries
 * stay out of the first load; until then the text shows as written.
 */
export function LazyMarkdown(props: MarkdownProps) {
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap break-words">{props.text}</div>}>
      <Markdown {...props} />
    </Suspense>
  );
}
