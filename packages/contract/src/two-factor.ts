import { z } from 'zod';
import { PresentedPassword } from './auth.ts';
import { requestBody } from './named.ts';

/** How many recovery codes an account holds after enrolment or regeneration. */
export const RECOVERY_CODE_COUNT = 10;

/** A six-digit code from the authenticator app, or one of the account's recovery codes. */
export const TwoFactorCode = z
  .string()
  .min(6)
  .max(32)
  .describe('The six digits the authenticator app shows, or an unused recovery code');

/** Answered by sign-in, instead of a session, when the account has two-factor sign-in on. */
export const TwoFactorChallenge = z
  .object({
    twoFactorRequired: z.literal(true),
    challenge: z
      .string()
      .max(100)
      .describe('Single-use: send it with a code to `POST /api/v1/auth/sign-in/two-factor`'),
    expiresIn: z.int().min(1).max(3600).describe('Seconds the challenge stays valid'),
    passkey: z
      .boolean()
      .describe('The account has a passkey: the challenge can be passed with it instead of a code'),
  })
  .meta({ id: 'TwoFactorChallenge' });
export type TwoFactorChallenge = z.infer<typeof TwoFactorChallenge>;

export const TwoFactorSignInBody = requestBody('TwoFactorSignInBody', {
  challenge: z.string().min(16).max(100),
  code: TwoFactorCode,
});
export type TwoFactorSignInBody = z.input<typeof TwoFactorSignInBody>;

export const TwoFactorStatus = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.iso.datetime().nullable(),
    recoveryCodesLeft: z.int().min(0).max(RECOVERY_CODE_COUNT),
    required: z
      .boolean()
      .describe('The account must turn two-factor sign-in on (administrators, when required)'),
  })
  .meta({ id: 'TwoFactorStatus' });
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

export const TwoFactorEnrolment = z
  .object({
    secret: z.string().max(128).describe('The key to type into an authenticator app (base32)'),
    otpauthUri: z.string().max(1000),
    qrCode: z.string().max(100_000).describe('The otpauth URI as a QR code: an SVG data URL'),
  })
  .meta({ id: 'TwoFactorEnrolment' });
export type TwoFactorEnrolment = z.infer<typeof TwoFactorEnrolment>;

export const TwoFactorCodeBody = requestBody('TwoFactorCodeBody', { code: TwoFactorCode });
export type TwoFactorCodeBody = z.input<typeof TwoFactorCodeBody>;

export const DisableTwoFactorBody = requestBody('DisableTwoFactorBody', {
  password: PresentedPassword,
  code: TwoFactorCode,
});
export type DisableTwoFactorBody = z.input<typeof DisableTwoFactorBody>;

export const RecoveryCodes = z
  .object({
    recoveryCodes: z
      .array(z.string().max(32))
      .length(RECOVERY_CODE_COUNT)
      .describe('Shown this once: each signs in once instead of a code'),
  })
  .meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const SecuritySettings = z
  .object({
    requireTwoFactorForAdmins: z
      .boolean()
      .describe('Administrators without two-factor sign-in are refused operator routes'),
  })
  .meta({ id: 'SecuritySettings' });
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const UpdateSecuritySettingsBody = requestBody('UpdateSecuritySettingsBody', {
  requireTwoFactorForAdmins: z.boolean(),
});
export type UpdateSecuritySettingsBody = z.input<typeof UpdateSecuritySettingsBody>;
