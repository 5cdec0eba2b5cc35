import { Card, type CardProps } from '../../../components/card.tsx';

/** One titled panel of the account page. */
export function AccountCard(props: CardProps & { testId: string }) {
  return <Card {...props} descriptionClassName="text-sm text-slate-600 dark:text-slate-400" />;
}
