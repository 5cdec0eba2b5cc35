import { useCallback, useEffect, useRef } from 'react';
import { Button } from './button.tsx';

/**
 * The end of an infinitely scrolled list: coming into view loads the next page. It is also a
 * button, for keyboards and for browsers without IntersectionObserver.
 */
export function LoadMore({
  list: { hasNextPage: hasMore, isFetchingNextPage: loading, fetchNextPage },
  label = 'Load more',
}: {
  /** The infinite query whose next page this loads. */
  list: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const onLoadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

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
