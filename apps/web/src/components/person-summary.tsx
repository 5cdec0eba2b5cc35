import type { ReactNode } from 'react';

/**
 * Who a row of people is about: their name, “(you)” when it is the viewer, any `badges` after
 * them, their email address, and whatever else is given below it.
 */
export function PersonSummary({
  name,
  email,
  isYou,
  nameTestId,
  badges,
  children,
}: {
  name: string;
  email: string;
  isYou: boolean;
  nameTestId: string;
  badges?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="min-w-0 flex-1 text-sm">
      <p className="font-medium">
        <span data-testid={nameTestId}>{name}</span>
        {isYou && <span className="ml-2 text-slate-600 dark:text-slate-300">(you)</span>}
        {badges}
      </p>
      <p className="truncate text-slate-600 dark:text-slate-300">{email}</p>
      {children}
    </div>
  );
}
