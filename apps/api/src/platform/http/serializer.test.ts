import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastSerializerCompiler } from './serializer.ts';

const compile = (schema: z.ZodType) =>
  fastSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });

describe('fastSerializerCompiler', () => {
  const Item = z.object({ id: z.uuid(), title: z.string(), due: z.iso.datetime().nullable() });

  it('writes the declared fields only', () => {
    const out = compile(Item)({
      id: '9b2d5c2e-6c56-4c43-8a8b-08f0d3c1a0b1',
      title: 'Ship it',
      due: null,
      passwordHash: 'must never leave',
    });
    expect(JSON.parse(out)).toEqual({
      id: '9b2d5c2e-6c56-4c43-8a8b-08f0d3c1a0b1',
      title: 'Ship it',
      due: null,
    });
  });

  it('handles arrays of objects and nested enums', () => {
    const List = z.object({ items: z.array(Item), mode: z.enum(['a', 'b']) });
    const data = { items: [{ id: 'x', title: 't"q', due: '2026-01-01T00:00:00.000Z' }], mode: 'a' };
    expect(JSON.parse(compile(List)(data))).toEqual(data);
  });
});
