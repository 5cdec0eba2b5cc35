/**
 * The serializer of the micro benchmark's fast rows server: fast-json-stringify compiled from the
 * zod schema's JSON Schema, as TaskFlow's `fastSerializerCompiler` does. The rows schema has no
 * ids, cycles or unrepresentable types, so zod's defaults for those options serve here.
 */
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

export const fastSerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) =>
  fastJson(z.toJSONSchema(schema, { io: 'output', target: 'draft-07' }) as never);
