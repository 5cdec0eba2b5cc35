/**
 * Tasks have no short numbers: a text refers to one by the address of its page,
 * `<app origin>/w/<workspace id>/t/<task id>`, pasted whole or written as a path.
 */

export type TaskReference = { workspaceId: string; taskId: string };

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const taskPath = new RegExp(`^/w/(${uuid})/t/(${uuid})/?$`, 'i');

/**
 * The task `href` leads to, if it is a task page of this app: an absolute URL on `origin`, or a
 * path from the root. A relative path (`w/…`) or one from another origin (`//host/w/…` included)
 * is not one, whatever its shape: it would not open this app's page.
 */
export function taskReferenceOf(
  href: string,
  origin: string = window.location.origin,
): TaskReference | undefined {
  if (!href.startsWith('/') && !/^https?:\/\//i.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  const match = taskPath.exec(url.pathname);
  if (!match?.[1] || !match[2]) return undefined;
  return { workspaceId: match[1].toLowerCase(), taskId: match[2].toLowerCase() };
}
