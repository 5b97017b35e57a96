import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './auth/passwords';

/** Lab usernames are plain ASCII handles; anything else is refused at the edge. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
export const usernameSchema = z.string().regex(USERNAME_PATTERN, 'a lowercase handle of 1-32 characters');

export const loginBodySchema = z
  .object({
    username: z.string().min(1).max(64),
    // Never truncated: a longer password is refused, not silently cut.
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict();

export const passwordChangeBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH, `at most ${PASSWORD_MAX_LENGTH} characters`),
  })
  .strict();

export const roleBodySchema = z.object({ role: z.enum(['admin', 'user']) }).strict();

export const clockBodySchema = z
  .object({
    // Forward only: a lab clock that runs backwards would make replays "un-expire".
    advanceSeconds: z.number().int().min(1).max(365 * 24 * 60 * 60),
  })
  .strict();
