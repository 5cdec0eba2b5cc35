/**
 * The header the cookie-authenticated endpoints (refresh, sign-out) require: `CSRF_HEADER` of
 * @taskflow/contract, spelled out because importing the contract here would pull zod and every
 * schema into the initial bundle. The typed client checks the name against the generated schema,
 * and csrf.test.ts against the contract.
 */
export const csrfHeaders = { 'x-taskflow-csrf': '1' } as const;
