import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes } from 'react';

function StyledAnchor({ className = '', ...props }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a className={`text-indigo-700 underline dark:text-indigo-400 ${className}`} {...props} />;
}

/** A router link styled as an inline text link. */
export const TextLink = createLink(StyledAnchor);
