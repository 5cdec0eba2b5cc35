import { describe, expect, it } from 'vitest';
import { errorCatalogue, errorCodes, problemType } from './errors.ts';
import { ProblemDetails } from './problem.ts';

describe('error catalogue', () => {
  it('maps every code to an error status and a title', () => {
    for (const code of errorCodes) {
      const { status, title } = errorCatalogue[code];
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(title.length).toBeGreaterThan(0);
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
    }
  });

  it('gives each code its own problem type URI', () => {
    const types = errorCodes.map(problemType);
    expect(new Set(types).size).toBe(types.length);
    expect(problemType('VALIDATION_FAILED')).toBe('urn:taskflow:problem:validation-failed');
  });

  it('ProblemDetails accepts only catalogue codes', () => {
    const base = { type: 'x', title: 't', status: 400, requestId: 'r' };
    expect(ProblemDetails.safeParse({ ...base, code: 'VALIDATION_FAILED' }).success).toBe(true);
    expect(ProblemDetails.safeParse({ ...base, code: 'SOMETHING_ELSE' }).success).toBe(false);
  });
});
