import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

const noIds = z.registry<{ id?: string }>();

function compile(schema: z.ZodType) {
  const jsonSchema = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-07',
    unrepresentable: 'any',
    metadata: noIds,
    reused: 'inline',
    cycles: 'ref',
  });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
}

/**
 * Serializes responses with fast-json-stringify, compiled from the same zod schema that
 * documents the response. zod's own serializer parses every response before writing it, which
 * costs a large share of a route's throughput (measured in docs/benchmarks.md); this one only
 * writes the declared fields, so a property that is not in the contract never leaves the server.
 *
 * Each serializer is compiled when its route first answers: compiling all of them took about a
 * third of a second of every start (docs/decisions/0038-small-server-and-backups.md).
 */
export const fastSerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) => {
  let stringify: ((data: unknown) => string) | undefined;
  return (data) => {
    stringify ??= compile(schema);
    return stringify(data);
  };
};
