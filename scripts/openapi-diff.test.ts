import { describe, expect, it } from 'vitest';
import { breakingChanges, type Doc } from './openapi-diff.ts';

const taskSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    title: { type: 'string', maxLength: 200 },
    status: { type: 'string', enum: ['todo', 'done'] },
  },
  required: ['id', 'title', 'status'],
};

/** A one-operation document; `change` edits a deep copy of it. */
function doc(change: (d: Json) => void = () => undefined): Doc {
  const d: Json = structuredClone({
    info: { version: '1.0.0' },
    paths: {
      '/tasks': {
        post: {
          parameters: [
            { in: 'query', name: 'dryRun', schema: { type: 'string', enum: ['yes', 'no'] } },
          ],
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    title: { type: 'string', maxLength: 200 },
                    status: { type: 'string', enum: ['todo', 'done'] },
                  },
                  required: ['title'],
                },
              },
            },
          },
          responses: {
            201: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Task' } } },
            },
          },
        },
      },
    },
    components: { schemas: { Task: taskSchema } },
  });
  change(d);
  return d as Doc;
}
// biome-ignore lint/suspicious/noExplicitAny: fixtures are documents edited freely, path by path
type Json = Record<string, any>;
const body = (d: Json) => d.paths['/tasks'].post.requestBody.content['application/json'].schema;

describe('breaking changes between two documents', () => {
  it('none between a document and itself, or with additions only', () => {
    expect(breakingChanges(doc(), doc())).toEqual([]);
    const richer = doc((d) => {
      d.paths['/labels'] = { get: { responses: {} } };
      body(d).properties.description = { type: 'string' };
      body(d).properties.status.enum.push('in_progress');
      body(d).properties.title.maxLength = 300;
      d.components.schemas.Task.properties.labels = { type: 'array', items: { type: 'string' } };
      d.paths['/tasks'].post.parameters.push({
        in: 'query',
        name: 'q',
        schema: { type: 'string' },
      });
    });
    expect(breakingChanges(doc(), richer)).toEqual([]);
  });

  it('removed operations, parameters and success responses break', () => {
    expect(
      breakingChanges(
        doc(),
        doc((d) => delete d.paths['/tasks'].post),
      ),
    ).toEqual(['POST /tasks: removed']);
    expect(
      breakingChanges(
        doc(),
        doc((d) => (d.paths['/tasks'].post.parameters = [])),
      ),
    ).toEqual(['POST /tasks: parameter query:dryRun removed']);
    expect(
      breakingChanges(
        doc(),
        doc((d) => delete d.paths['/tasks'].post.responses[201]),
      ),
    ).toContain('POST /tasks: response 201 removed');
  });

  it('a request that accepts less breaks: required fields and parameters, fewer values, tighter bounds', () => {
    const stricter = doc((d) => {
      body(d).required.push('status');
      body(d).properties.status.enum = ['todo'];
      body(d).properties.title.maxLength = 100;
      d.paths['/tasks'].post.parameters[0].required = true;
    });
    expect(breakingChanges(doc(), stricter).sort()).toEqual(
      [
        'POST /tasks body.status: now required',
        'POST /tasks body.status: no longer accepts ["done"]',
        'POST /tasks body.title: maxLength tightened from 200 to 100',
        'POST /tasks: parameter query:dryRun now required',
      ].sort(),
    );
  });

  it('a response that may lack or change what it had breaks', () => {
    const poorer = doc((d) => {
      const task = d.components.schemas.Task;
      task.required = ['id', 'status'];
      delete task.properties.status;
      task.properties.id = { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] };
    });
    expect(breakingChanges(doc(), poorer).sort()).toEqual(
      [
        'POST /tasks 201.id: may now be null',
        'POST /tasks 201.status: removed',
        'POST /tasks 201.title: no longer always present',
      ].sort(),
    );
  });

  it('stating the length a uuid implies is not a tightening', () => {
    const stated = doc((d) => (d.components.schemas.Task.properties.id.maxLength = 36));
    expect(breakingChanges(doc(), stated)).toEqual([]);
  });

  it('an object split into a union still accepts what each branch covers', () => {
    const split = doc((d) => {
      d.paths['/tasks'].post.requestBody.content['application/json'].schema = {
        anyOf: [
          {
            type: 'object',
            properties: {
              title: { type: 'string', maxLength: 200 },
              status: { type: 'string', enum: ['todo', 'done'] },
            },
            required: ['title'],
          },
          { type: 'object', properties: { template: { type: 'string' } }, required: ['template'] },
        ],
      };
    });
    expect(breakingChanges(doc(), split)).toEqual([]);
    const narrowed = doc((d) => {
      d.paths['/tasks'].post.requestBody.content['application/json'].schema = {
        anyOf: [
          {
            type: 'object',
            properties: { title: { type: 'string', maxLength: 200 } },
            required: ['title'],
          },
        ],
      };
    });
    expect(breakingChanges(doc(), narrowed)).toEqual(['POST /tasks body.status: removed']);
  });

  it('authentication required where there was none breaks', () => {
    const open = doc((d) => (d.paths['/tasks'].post.security = []));
    const closed = doc((d) => (d.paths['/tasks'].post.security = [{ bearerAuth: [] }]));
    expect(breakingChanges(open, closed)).toEqual(['POST /tasks: now requires authentication']);
  });
});
