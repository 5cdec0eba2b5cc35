/** Where the e2e server listens: the config starts it there, and the API client calls it there. */
export const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
