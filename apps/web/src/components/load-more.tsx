import { useEffect, useRef } from 'react';
import { Button } from './button.tsx';

/**
 * The end of an infinitely scrolled list: coming into view loads the next page. It is also a
 * button, for keyboards and for browsers without IntersectionObserver.
 */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
  label = 'Load more',
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element || !hasMore || loading || typeof IntersectionObserver === 'undefined') return;
    // A new observer after each page reports at once if the end is still in view.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading, onLoadMore]);

  if (!hasMore) return null;
  return (
    <div ref={ref} className="flex justify-center py-3" data-testid="load-more">
      <Button variant="secondary" size="sm" onClick={onLoadMore} disabled={loading}>
        {loading ? 'Loading…' : label}
      </Button>
    </div>
  );
}
