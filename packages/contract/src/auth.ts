import { z } from 'zod';

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

/** Control characters (NUL above all, which PostgreSQL cannot store) have no place in text fields. */
export const noControlCharacters = (s: string) => !/\p{Cc}/u.test(s);

export const PersonName = z
  .string()
  .trim()
  .min(1, 'Enter your name')
  .max(100)
  .refine(noControlCharacters, 'Use printable characters only');

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

export const RegisterBody = z
  .object({ email: Email, name: PersonName, password: NewPassword })
  .strict()
  .meta({ id: 'RegisterBody' });
export type RegisterBody = z.input<typeof RegisterBody>;

export const SignInBody = z
  .object({ email: Email, password: PresentedPassword })
  .strict()
  .meta({ id: 'SignInBody' });
export type SignInBody = z.input<typeof SignInBody>;

export const OneTimeTokenBody = z
  .object({ token: z.string().min(16).max(200) })
  .strict()
  .meta({ id: 'OneTimeTokenBody' });

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

export const SessionList = z
  .object({ items: z.array(SessionInfo).max(1000) })
  .meta({ id: 'SessionList' });

export const SessionIdParams = z.object({ id: z.uuid() });

export const UpdateProfileBody = z
  .object({ name: PersonName })
  .strict()
  .meta({ id: 'UpdateProfileBody' });

export const ChangePasswordBody = z
  .object({ currentPassword: PresentedPassword, newPassword: NewPassword })
  .strict()
  .meta({ id: 'ChangePasswordBody' });

export const EmailBody = z.object({ email: Email }).strict().meta({ id: 'EmailBody' });

export const ResetPasswordBody = z
  .object({ token: z.string().min(16).max(200), newPassword: NewPassword })
  .strict()
  .meta({ id: 'ResetPasswordBody' });

/** Re-entering the password confirms that the person at the keyboard owns the account (ASVS 7.5.2). */
export const PasswordConfirmationBody = z
  .object({ password: PresentedPassword })
  .strict()
  .meta({ id: 'PasswordConfirmationBody' });
