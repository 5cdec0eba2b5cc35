import { render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Markdown, type TaskLinkProps } from './markdown.tsx';

const samId = '11111111-1111-4111-8111-111111111111';
const members = [{ id: samId, name: 'Samantha Lee' }];
const workspaceId = '33333333-3333-4333-8333-333333333333';
const taskId = '44444444-4444-4444-8444-444444444444';
const taskPath = `/w/${workspaceId}/t/${taskId}`;

/** Stands in for the app's task link: what the Markdown hands it, in attributes. */
function TaskLink({ workspaceId, taskId, label }: TaskLinkProps) {
  return (
    <a
      href={`/w/${workspaceId}/t/${taskId}`}
      data-testid="task-link"
      data-label={label === undefined ? 'none' : 'own'}
    >
      {label ?? 'the task'}
    </a>
  );
}

/** Pieces of hostile Markdown; the property test strings them together with random text. */
const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<div onclick="alert(1)">x</div>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x]( javascript:alert(1) )',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;&#x61;&#x76;&#x61;script&colon;alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '![x](javascript:alert(1))',
  '![x](https://example.com/a.png)',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '<javascript:alert(1)>',
  '<https://example.com/a>',
  '<mailto:sam@example.com>',
  'www.example.com',
  '[ref]\n\n[ref]: javascript:alert(1)\n',
  '[ok]\n\n[ok]: https://example.com "t"\n',
  '@[x](javascript:alert(1))',
  `@[Sam](mention:${samId})`,
  '@[Sam](mention:not-a-uuid)',
  '<iframe src="https://example.com"></iframe>',
  '<object data="x"></object><embed src="x">',
  '<svg onload=alert(1)><circle/></svg>',
  '<style>body{display:none}</style>',
  '<p style="color:red">x</p>',
  '<details open ontoggle=alert(1)>',
  '<div><div><a href="javascript:alert(1)"><b>x</b></a></div></div>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '[x](//evil.example/path)',
  '[x](/w/1/tasks/2)',
  `${window.location.origin}${taskPath}`,
  `[x](${taskPath})`,
  `[x](javascript:${taskPath})`,
  `[x](//evil.example${taskPath})`,
  `<${window.location.origin}${taskPath}>`,
  '[x](#top)',
  '```html\n<script>alert(1)</script>\n```',
  '`<img onerror=alert(1)>`',
  '> quote\n',
  '- [ ] task\n',
  '| a | b |\n| - | - |\n| <b onmouseover=x>1</b> | 2 |\n',
  '[^1]\n\n[^1]: note\n',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '\n',
  ' ',
];

const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);
const forbiddenElements =
  'script, iframe, object, embed, svg, style, math, form, input:not([type=checkbox])';

/** The URL `value` leads to, or undefined for one a browser cannot follow either. */
function parse(value: string): URL | undefined {
  try {
    return new URL(value, window.location.href);
  } catch {
    return undefined;
  }
}

/** What must hold of any rendering: nothing that can run code or restyle the page. */
function expectInert(container: HTMLElement) {
  expect(container.querySelectorAll(forbiddenElements)).toHaveLength(0);
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.toLowerCase()).not.toMatch(/^on/);
      expect(attribute.name.toLowerCase()).not.toBe('style');
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name)) {
        const protocol =
          parse(attribute.value)?.protocol ?? /^([a-z][a-z\d+.-]*:)/i.exec(attribute.value)?.[1];
        const allowed = protocol === undefined || allowedProtocols.has(protocol.toLowerCase());
        expect(allowed, `${attribute.name}="${attribute.value}"`).toBe(true);
      }
    }
  }
  for (const link of container.querySelectorAll('a[href]')) {
    if (parse(link.getAttribute('href') ?? '')?.origin === window.location.origin) continue;
    const rel = (link.getAttribute('rel') ?? '').split(/\s+/);
    expect(rel).toContain('noopener');
    expect(rel).toContain('noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
  }
}

function renderInert(text: string) {
  const { container, unmount } = render(
    <Markdown text={text} members={members} taskLink={TaskLink} />,
  );
  expectInert(container);
  unmount();
}

describe('Markdown', () => {
  it('renders nothing executable, whatever it is given', () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...hostile) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
    const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(fc.property(text, renderInert), { seed: 20260612, numRuns: 250 });
  });

  it('renders every hostile piece alone inert', () => {
    for (const text of hostile) renderInert(text);
  });

  it('renders long hostile input inert and without hanging', () => {
    const started = performance.now();
    renderInert(hostile.join('\n').repeat(4).slice(0, 10_000));
    renderInert(hostile.join(' ').repeat(200).slice(0, 200_000));
    renderInert('_*'.repeat(100_000));
    renderInert(`${'> '.repeat(10_000)}x`);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('shows a text too long or too deeply nested for Markdown as written', () => {
    const { container } = render(<Markdown text={`${'*a* '.repeat(50_000)}`} />);
    expect(container.querySelector('em')).toBeNull();
    expect(container.textContent).toContain('*a* *a*');
  });

  it('renders emphasis, lists, code and quotes', () => {
    const { container } = render(
      <Markdown
        text={
          '# Plan\n\n**bold** and _it_\n\n- one\n- two\n\n1. first\n\n`x()`\n\n```\nblock\n```\n\n> said'
        }
      />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Plan' })).toBeDefined();
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('it');
    expect(container.querySelectorAll('ul > li')).toHaveLength(2);
    expect(container.querySelectorAll('ol > li')).toHaveLength(1);
    expect(container.querySelector('p > code')?.textContent).toBe('x()');
    expect(container.querySelector('pre > code')?.textContent).toBe('block\n');
    expect(container.querySelector('blockquote')?.textContent).toContain('said');
  });

  it('renders a mention as the member’s current name, not a link', () => {
    const { container } = render(
      <Markdown
        text={`Ask @[Sam Lee](mention:${samId}) and @[Ghost](mention:22222222-2222-4222-8222-222222222222)`}
        members={members}
      />,
    );
    const mentions = container.querySelectorAll('[data-mention-id]');
    expect([...mentions].map((mention) => mention.textContent)).toEqual([
      '@Samantha Lee',
      '@Ghost',
    ]);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('Ask @Samantha Lee and @Ghost');
  });

  it('leaves a fake mention with a javascript: URL inert and not a mention', () => {
    const { container } = render(
      <Markdown
        text="@[Sam](javascript:alert(1)) @[Sam](mention:javascript:alert(1))"
        members={members}
      />,
    );
    expect(container.querySelector('[data-mention-id]')).toBeNull();
    expect(container.querySelector('a[href]')).toBeNull();
    expect(container.textContent).toContain('Sam');
    expectInert(container);
  });

  it('opens links that leave the app in a new tab, without opener or referrer', () => {
    const { container } = render(
      <Markdown
        text="[docs](https://example.com/docs) [board](/w/1/tasks/2) <mailto:sam@example.com>"
        taskLink={TaskLink}
      />,
    );
    const external = screen.getByRole('link', { name: 'docs' });
    expect(external.getAttribute('target')).toBe('_blank');
    expect(external.getAttribute('rel')).toBe('noopener noreferrer');
    // A page of the app that is not a task's stays an ordinary link, in the same tab.
    const board = screen.getByRole('link', { name: 'board' });
    expect(board.getAttribute('href')).toBe('/w/1/tasks/2');
    expect(board.getAttribute('target')).toBeNull();
    expect(screen.queryByTestId('task-link')).toBeNull();
    expect(screen.getByRole('link', { name: /sam@example\.com/ }).getAttribute('rel')).toBe(
      'noopener noreferrer',
    );
    expectInert(container);
  });

  it('renders a task page of this app, pasted or written as a path, as a task link', () => {
    const pasted = `${window.location.origin}${taskPath.toUpperCase().replace('/W/', '/w/').replace('/T/', '/t/')}`;
    const { container } = render(
      <Markdown
        text={`See ${pasted}, [the plan](${taskPath}) and <${window.location.origin}${taskPath}>`}
        taskLink={TaskLink}
      />,
    );
    const links = screen.getAllByTestId('task-link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([taskPath, taskPath, taskPath]);
    // A pasted address gives way to the task's title; words of the writer's own stay.
    expect(links.map((link) => link.dataset.label)).toEqual(['none', 'own', 'none']);
    expect(links[1]?.textContent).toBe('the plan');
    expectInert(container);
  });

  it('leaves the same path on another origin, or with a malformed id, an ordinary link', () => {
    const badId = `/w/${workspaceId}/t/${taskId.slice(0, -1)}`;
    render(
      <Markdown
        text={`https://elsewhere.example${taskPath} [bad](${badId}) [deeper](${taskPath}/x)`}
        taskLink={TaskLink}
      />,
    );
    expect(screen.queryByTestId('task-link')).toBeNull();
    const elsewhere = screen.getByRole('link', { name: `https://elsewhere.example${taskPath}` });
    expect(elsewhere.getAttribute('rel')).toBe('noopener noreferrer');
    expect(elsewhere.getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('link', { name: 'bad' }).getAttribute('href')).toBe(badId);
    expect(screen.getByRole('link', { name: 'deeper' }).getAttribute('target')).toBeNull();
  });

  it('drops images rather than fetching whatever URL a user wrote', () => {
    const { container } = render(<Markdown text="![logo](https://example.com/logo.png)" />);
    expect(container.querySelector('img')).toBeNull();
  });
});
