import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { polishDocument } from './openapi-polish.ts';

const openApiTags = [
  { name: 'system', description: 'Server identity, health and readiness' },
  { name: 'auth', description: 'Registration, sign-in and sessions' },
  { name: 'account', description: 'The signed-in user' },
  {
    name: 'access-tokens',
    description: 'Personal access tokens for scripts, managed from a signed-in session',
  },
  {
    name: 'two-factor',
    description: 'Two-factor sign-in with an authenticator app (TOTP) and recovery codes',
  },
  {
    name: 'passkeys',
    description: 'Passkeys (WebAuthn): sign-in with a passkey alone or as the second factor',
  },
  { name: 'sso', description: 'Single sign-on with OpenID Connect, and linked identities' },
  { name: 'workspaces', description: 'Workspaces and their members' },
  { name: 'tasks', description: 'The tasks of a workspace' },
  { name: 'labels', description: 'The labels of a workspace and their colours' },
  { name: 'comments', description: 'The conversation on a task' },
  { name: 'attachments', description: 'Files on a task' },
  { name: 'files', description: 'The signed, short-lived links that serve attached files' },
  { name: 'events', description: 'Live updates: the Server-Sent Events stream' },
  { name: 'notifications', description: 'What happened that concerns you' },
  { name: 'admin', description: 'Operator endpoints (role admin)' },
];

const docsCsp = [
  "default-src 'self'",
  "base-uri 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The OpenAPI 3.1 document, generated from the registered routes. */
export const openApi = fp(
  async (app: FastifyInstance, opts: { version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'TaskFlow API',
          version: opts.version,
          description:
            'The TaskFlow HTTP API. Every error is an RFC 9457 problem+json document with a stable `code`.',
          license: { name: 'MIT', identifier: 'MIT' },
        },
        servers: [
          {
            url: '/',
            description: 'The TaskFlow server itself: local, staging or production alike',
          },
        ],
        tags: openApiTags,
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description:
                'A 15-minute access token from sign-in or refresh: an EdDSA-signed JWT with a key id, validated as RFC8725 advises (one algorithm, typ at+jwt, issuer and audience checked).',
            },
            adminBearerAuth: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description:
                'The access token of a user with role admin (an RFC8725-conformant JWT, as bearerAuth).',
            },
            personalAccessToken: {
              type: 'http',
              scheme: 'bearer',
              description:
                'A personal access token for scripts (`tf_pat_` and 49 letters and digits, the last six a checksum), made on the account page. Scope `read` allows GET and HEAD only (403 `TOKEN_SCOPE_INSUFFICIENT` otherwise); no token reaches administration or the account’s sessions, password and tokens (403 `TOKEN_NOT_ALLOWED`). Revoked or expired: 401.',
            },
            refreshCookie: { type: 'apiKey', in: 'cookie', name: 'taskflow_refresh' },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: (input) => polishDocument(jsonSchemaTransformObject(input)),
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      // Swagger UI sets inline styles at run time; nothing else is relaxed, nothing loads from
      // another origin (no online validator badge).
      staticCSP: docsCsp,
      uiConfig: { deepLinking: true, validatorUrl: null },
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
