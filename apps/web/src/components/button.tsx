import type { ButtonHTMLAttributes } from 'react';

const variants = {
  primary: 'bg-indigo-600 hover:bg-indigo-500',
  danger: 'bg-red-700 hover:bg-red-600',
};

export function Button({
  className = '',
  type = 'button',
  variant = 'primary',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return (
    <button
      type={type}
      className={`rounded-md px-4 py-2 text-sm font-medium text-white disabled:opacity-50 ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
