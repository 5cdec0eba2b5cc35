/** The admin the e2e web server creates before it starts (see playwright.config.ts). */
export const admin = {
  email: 'admin@e2e.test',
  name: 'Admin',
  // Only for the throwaway database of one e2e run; long enough to pass the password rules.
  password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-passphrase-8241',
};
