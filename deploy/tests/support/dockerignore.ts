import { readFileSync } from 'node:fs';
import { fromRoot } from './paths.ts';

type Rule = { negated: boolean; pattern: string; regexp: RegExp };

/** A .dockerignore pattern as a regular expression over a path relative to the context. */
function toRegExp(pattern: string) {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * The repository's .dockerignore, as Docker reads it: patterns are relative to the context root,
 * a pattern that matches a directory excludes everything in it, and the last matching line wins
 * (`!` lines include again).
 */
export function readDockerignore() {
  const rules: Rule[] = readFileSync(fromRoot('.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      return { negated, pattern, regexp: toRegExp(pattern) };
    });

  const matches = (rule: Rule, relative: string) => {
    const parts = relative.split('/');
    return parts.some((_, n) => rule.regexp.test(parts.slice(0, n + 1).join('/')));
  };

  /** Whether a file (or a directory and all it holds) stays out of the build context. */
  const ignored = (relative: string) =>
    rules.reduce((out, rule) => (matches(rule, relative) ? !rule.negated : out), false);

  /** Whether a directory must still be walked: an ignored one may hold an included path. */
  const mayHoldIncluded = (relative: string) =>
    !ignored(relative) ||
    rules.some(
      (rule) =>
        rule.negated && (rule.pattern.startsWith(`${relative}/`) || rule.pattern.includes('**')),
    );

  return { rules, ignored, mayHoldIncluded };
}
