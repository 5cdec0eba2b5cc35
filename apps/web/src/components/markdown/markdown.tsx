import type { ComponentProps, ComponentType, ReactNode } from 'react';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { remarkMentions } from './remark-mentions.ts';
import { type TaskReference, taskReferenceOf } from './task-reference.ts';

export type MarkdownMember = { id: string; name: string };

export type MarkdownProps = {
  /** Markdown written by a user: a task's description or a comment. */
  text: string;
  /** The workspace's members, for the current names of mentioned people. */
  members?: readonly MarkdownMember[];
  /**
   * Renders a link to a task page of this app (see task-reference.ts), e.g. as the router's link
   * so that following it does not reload the page. `label` is the link's own words, absent when
   * they are only the address (a pasted URL). Without it such links are plain anchors.
   */
  taskLink?: ComponentType<TaskLinkProps>;
};

export type TaskLinkProps = TaskReference & { label?: ReactNode };

const allowedProtocols = ['http', 'https', 'mailto'];

/**
 * GitHub's schema (no scripts, no event or style attributes), narrowed: links only to
 * http(s), mailto or relative URLs; no images, which would fetch whatever URL a user wrote as
 * soon as the text is shown; and the mention spans remark-mentions makes.
 */
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'img' && tag !== 'picture'),
  protocols: { ...defaultSchema.protocols, href: allowedProtocols },
  attributes: {
    ...defaultSchema.attributes,
    span: [
      ...(defaultSchema.attributes?.span ?? []),
      ['dataMentionId', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
    ],
  },
};

/** A second guard behind the sanitizer: any URL with a scheme other than the allowed ones is dropped. */
function safeUrl(url: string): string {
  const scheme = /^([^:/?#]+):/.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || allowedProtocols.includes(scheme) ? url : '';
}

/** Whether following `href` leaves the app: any absolute URL but one to this origin. */
function leavesApp(href: string): boolean {
  try {
    return new URL(href, window.location.href).origin !== window.location.origin;
  } catch {
    return true;
  }
}

/**
 * The API keeps texts to 10,000 characters. The Markdown parser is not linear on every input
 * (runs of emphasis markers, for one) and recurses once per level of nesting, so a longer text,
 * or one with a line nested deeper than a person would write, is shown as written instead.
 */
const maxMarkdownLength = 10_000;
const deepNesting = /^(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])){16}/m;

function renderable(text: string): boolean {
  return text.length <= maxMarkdownLength && !deepNesting.test(text);
}

const linkClass = 'text-indigo-700 underline dark:text-indigo-400';

/** The text of a link's children when it is plain text (it is, for any pasted URL). */
function plainText(children: ReactNode): string | undefined {
  if (typeof children === 'string') return children;
  if (Array.isArray(children) && children.every((child) => typeof child === 'string')) {
    return children.join('');
  }
  return undefined;
}

/** A link's own words, or undefined when they only repeat the address of the same task. */
function labelOf(reference: TaskReference, children: ReactNode): ReactNode {
  const text = plainText(children);
  const same = text === undefined ? undefined : taskReferenceOf(text.trim());
  const repeated = same?.workspaceId === reference.workspaceId && same.taskId === reference.taskId;
  return repeated ? undefined : children;
}

function components(members: readonly MarkdownMember[], TaskLink: MarkdownProps['taskLink']) {
  const names = new Map(members.map((member) => [member.id, member.name]));
  return {
    h1: ({ node: _, ...props }) => <h1 className="mt-4 mb-2 text-xl font-semibold" {...props} />,
    h2: ({ node: _, ...props }) => <h2 className="mt-4 mb-2 text-lg font-semibold" {...props} />,
    h3: ({ node: _, ...props }) => <h3 className="mt-3 mb-1 font-semibold" {...props} />,
    h4: ({ node: _, ...props }) => <h4 className="mt-3 mb-1 font-semibold" {...props} />,
    h5: ({ node: _, ...props }) => <h5 className="mt-3 mb-1 font-semibold" {...props} />,
    h6: ({ node: _, ...props }) => <h6 className="mt-3 mb-1 font-semibold" {...props} />,
    p: ({ node: _, ...props }) => <p className="my-2" {...props} />,
    ul: ({ node: _, ...props }) => <ul className="my-2 list-disc space-y-1 pl-6" {...props} />,
    ol: ({ node: _, ...props }) => <ol className="my-2 list-decimal space-y-1 pl-6" {...props} />,
    blockquote: ({ node: _, ...props }) => (
      <blockquote
        className="my-2 border-l-4 border-slate-300 pl-3 text-slate-600 dark:border-slate-700 dark:text-slate-300"
        {...props}
      />
    ),
    code: ({ node: _, className, ...props }) => (
      <code
        className={`rounded bg-slate-100 px-1 py-0.5 font-mono text-sm dark:bg-slate-800 ${className ?? ''}`}
        {...props}
      />
    ),
    pre: ({ node: _, ...props }) => (
      <pre
        className="my-2 overflow-x-auto rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800 [&>code]:bg-transparent [&>code]:p-0"
        {...props}
      />
    ),
    table: ({ node: _, ...props }) => (
      <div className="my-2 overflow-x-auto">
        <table className="border-collapse text-sm" {...props} />
      </div>
    ),
    th: ({ node: _, ...props }) => (
      <th
        className="border border-slate-200 px-2 py-1 text-left dark:border-slate-800"
        {...props}
      />
    ),
    td: ({ node: _, ...props }) => (
      <td className="border border-slate-200 px-2 py-1 dark:border-slate-800" {...props} />
    ),
    hr: ({ node: _, ...props }) => (
      <hr className="my-4 border-slate-200 dark:border-slate-800" {...props} />
    ),
    a: ({ node: _, href, children, ...props }) => {
      if (!href) return <span>{children}</span>;
      const reference = TaskLink ? taskReferenceOf(href) : undefined;
      if (TaskLink && reference) {
        return <TaskLink {...reference} label={labelOf(reference, children)} />;
      }
      if (leavesApp(href)) {
        return (
          <a {...props} href={href} className={linkClass} target="_blank" rel="noopener noreferrer">
            {children}
          </a>
        );
      }
      return (
        <a {...props} href={href} className={linkClass}>
          {children}
        </a>
      );
    },
    span: ({ node: _, children, ...props }: ComponentProps<'span'> & ExtraProps) => {
      const id = (props as { 'data-mention-id'?: string })['data-mention-id'];
      if (id === undefined) return <span {...props}>{children}</span>;
      return (
        <span
          data-mention-id={id}
          className="rounded bg-indigo-50 px-1 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
        >
          @{names.get(id) ?? children}
        </span>
      );
    },
  } satisfies Components;
}

/**
 * Markdown a user wrote, rendered safely: raw HTML is not rendered at all, and what Markdown
 * itself makes goes through rehype-sanitize, so nothing in the output can run code.
 */
export function Markdown({ text, members = [], taskLink }: MarkdownProps) {
  if (!renderable(text)) {
    return (
      <div className="whitespace-pre-wrap break-words" data-testid="markdown">
        {text}
      </div>
    );
  }
  return (
    <div className="break-words text-slate-900 dark:text-slate-100" data-testid="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkMentions]}
        rehypePlugins={[[rehypeSanitize, schema]]}
        urlTransform={safeUrl}
        components={components(members, taskLink)}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
