import { type QueryKey, queryOptions } from '@tanstack/react-query';
import { type GetData, type GetPath, getByPath, type PathParams } from './client.ts';

type ItemsOf<P extends GetPath> = GetData<P> extends { items: infer I } ? I : never;

/** The query of a list the API sends whole (`{ items }`), by path: its data is the items. */
export function itemsQueryOptions<K extends QueryKey, P extends GetPath>(
  queryKey: K,
  path: P,
  params: PathParams<P>,
) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => getByPath(path, params, signal),
    select: (list) => (list as { items: ItemsOf<P> }).items,
  });
}
