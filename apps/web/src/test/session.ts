/** The signed-in user of the web app's tests, and the session the API answers a sign-in with. */
export const testUser = {
  id: '5f0c6a7e-1111-4222-8333-944455556666',
  email: 'ada@example.test',
  name: 'Ada',
  role: 'user',
  emailVerified: true,
  createdAt: '2026-01-01T00:00:00.000Z',
} as const;

export const testSession = {
  accessToken: 'secret-token',
  tokenType: 'Bearer',
  expiresIn: 900,
  user: testUser,
} as const;
