import type { ButtonHTMLAttributes, Ref } from 'react';

const variants = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-500',
  danger: 'bg-red-700 text-white hover:bg-red-600',
  secondary:
    'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800',
};

const sizes = { md: 'px-4 py-2', sm: 'px-3 py-1.5' };

export function Button({
  className = '',
  type = 'button',
  variant = 'primary',
  size = 'md',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  ref?: Ref<HTMLButtonElement>;
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
}) {
  return (
    <button
      type={type}
      className={`rounded-md text-sm font-medium disabled:opacity-50 ${sizes[size]} ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
