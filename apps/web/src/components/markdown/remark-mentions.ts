/**
 * What the comment editor writes for a mention: `@[Sam Lee](mention:<user id>)`. Markdown reads it
 * as an `@` at the end of a text followed by a link; this plugin turns that pair into a text node
 * that becomes `<span data-mention-id="…">` (rehype-sanitize lets that attribute through only when
 * it is a UUID). It runs before sanitizing, which would otherwise drop the `mention:` URL. Any other
 * URL after an `@`, `javascript:` included, stays an ordinary link for the sanitizer to judge.
 */

const mentionUrl = /^mention:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Just the fields of an mdast node this plugin reads or writes. */
type Node = {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
  data?: { hName?: string; hProperties?: Record<string, string> };
};

function plainText(node: Node): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

function replaceMentions(children: Node[]) {
  for (let i = 1; i < children.length; i++) {
    const link = children[i] as Node;
    const before = children[i - 1] as Node;
    const id = link.type === 'link' ? mentionUrl.exec(link.url ?? '')?.[1] : undefined;
    if (id === undefined || before.type !== 'text' || !before.value?.endsWith('@')) continue;
    before.value = before.value.slice(0, -1);
    children[i] = {
      type: 'text',
      value: plainText(link),
      data: { hName: 'span', hProperties: { dataMentionId: id.toLowerCase() } },
    };
  }
}

/** The remark plugin. Walks with its own stack: deeply nested input must not overflow the call stack. */
export function remarkMentions() {
  return (tree: Node) => {
    const stack: Node[] = [tree];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (!node.children) continue;
      replaceMentions(node.children);
      for (const child of node.children) stack.push(child);
    }
  };
}
