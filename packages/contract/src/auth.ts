import { z } from 'zod';
import { requestBody } from './named.ts';
import { listOf } from './pagination.ts';
import { requiredText } from './text.ts';

/** Emails are compared and stored lower-cased and trimmed. */
export const Email = z
  .email({ message: 'Enter a valid email address' })
  .max(254)
  .transform((e) => e.trim().toLowerCase());

/** Length only (ASVS 6.2.1, 6.2.9): any character, no composition rules; commonness is checked by the server. */
export const NewPassword = z
  .string()
  // Outer bounds in UTF-16 units for the document; the refinements count characters.
  .min(8)
  .max(256)
  .refine((p) => [...p].length >= 8, 'Use at least 8 characters')
  .refine((p) => [...p].length <= 128, 'Use at most 128 characters')
  .meta({ description: '8 to 128 characters; common passwords are refused' });

/** A password being presented, not chosen: only bounded, so old passwords keep working. */
export const PresentedPassword = z.string().min(1).max(1024);

export const PersonName = requiredText(100, 'Enter your name');

export const Role = z.enum(['user', 'admin']).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

export const User = z
  .object({
    id: z.uuid(),
    email: z.string().max(254),
    name: z.string().max(100),
    role: Role,
    emailVerified: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const RegisterBody = requestBody('RegisterBody', {
  email: Email,
  name: PersonName,
  password: NewPassword,
  invitation: z
    .string()
    .min(16)
    .max(200)
    .regex(/^[\w-]{16,200}$/)
    .optional()
    .describe(
      'The token of the invitation being answered: when it was mailed to this address, the address counts as verified',
    ),
});
export type RegisterBody = z.input<typeof RegisterBody>;

export const SignInBody = requestBody('SignInBody', { email: Email, password: PresentedPassword });
export type SignInBody = z.input<typeof SignInBody>;

export const OneTimeTokenBody = requestBody('OneTimeTokenBody', {
  token: z.string().min(16).max(200),
});

/** A signed-in session as the client sees it: a short-lived bearer token and who it is for. */
export const AuthSession = z
  .object({
    accessToken: z.string().max(4096),
    tokenType: z.literal('Bearer'),
    expiresIn: z.int().min(1).max(86_400).describe('Seconds until the access token expires'),
    user: User,
  })
  .meta({ id: 'AuthSession' });
export type AuthSession = z.infer<typeof AuthSession>;

export const Accepted = z.object({ message: z.string().max(500) }).meta({
  id: 'Accepted',
  description: 'The request was accepted; the message says what happens next',
});

/** Header a browser must send on cookie-authenticated requests (with an allowed Origin). */
export const CSRF_HEADER = 'x-taskflow-csrf';

export const SessionInfo = z
  .object({
    id: z.uuid(),
    device: z
      .string()
      .max(200)
      .describe('Browser and operating system, as read from the user agent'),
    userAgent: z.string().max(500).nullable(),
    ip: z.string().max(64).nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
    current: z.boolean().describe('The session making this request'),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionList = listOf(SessionInfo, 1000).meta({ id: 'SessionList' });

export const SessionIdParams = z.object({ id: z.uuid() });

export const UpdateProfileBody = requestBody('UpdateProfileBody', { name: PersonName });

export const ChangePasswordBody = requestBody('ChangePasswordBody', {
  currentPassword: PresentedPassword,
  newPassword: NewPassword,
});

export const EmailBody = requestBody('EmailBody', { email: Email });

export const ResetPasswordBody = requestBody('ResetPasswordBody', {
  token: z.string().min(16).max(200),
  newPassword: NewPassword,
});

/** Re-entering the password confirms that the person at the keyboard owns the account (ASVS 7.5.2). */
export const PasswordConfirmationBody = requestBody('PasswordConfirmationBody', {
  password: PresentedPassword,
});
