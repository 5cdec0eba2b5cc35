import { Toaster as Sonner } from 'sonner';

/** Where toasts appear; small enough (~10 kB) to live in the app's first chunk. */
export function Toaster() {
  return <Sonner position="bottom-right" closeButton theme="system" />;
}
