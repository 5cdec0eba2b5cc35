import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * Timestamps leave the database as ISO 8601 text (`2026-12-06T08:12:37.123Z`), the form the API
 * answers in, on PostgreSQL and PGlite alike: converted once here rather than by every mapper.
 * The schema (db/schema.ts) types them as strings accordingly.
 */
export class IsoTimestamps implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const key in row) {
        const value = row[key];
        if (value instanceof Date) row[key] = value.toISOString();
      }
    }
    return args.result;
  }
}
