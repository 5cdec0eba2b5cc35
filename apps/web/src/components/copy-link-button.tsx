import { useEffect, useState } from 'react';
import { Button } from './button.tsx';

/** How long the outcome stays beside the button. */
const shownForMs = 2_000;

const messages = { copied: 'Copied', failed: 'Could not copy the link' };

/**
 * Copies `url` to the clipboard and says so beside the button, in a live region so that screen
 * readers say it too. The browser may refuse (no clipboard outside HTTPS, or no permission).
 */
export function CopyLinkButton({ url }: { url: string }) {
  // An object, not the outcome alone: a second click restarts the timer even when it is the same.
  const [shown, setShown] = useState<{ outcome: keyof typeof messages } | null>(null);

  useEffect(() => {
    if (shown === null) return;
    const timer = setTimeout(() => setShown(null), shownForMs);
    return () => clearTimeout(timer);
  }, [shown]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setShown({ outcome: 'copied' });
    } catch {
      setShown({ outcome: 'failed' });
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={() => void copy()}>
        Copy link
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-300">
        {shown && messages[shown.outcome]}
      </span>
    </span>
  );
}
