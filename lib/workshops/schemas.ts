import { z } from 'zod';

// Printable text only: no control characters (a name is shown on a projector and in an export).
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, 'control characters are not allowed');

export const createWorkshopSchema = z
  .object({
    title: text(80).optional(),
    language: z.enum(['en', 'ja']).optional(),
    expectedParticipants: z.number().int().min(1).max(200).optional(),
  })
  .strict();

export const joinSchema = z.object({ name: text(40).optional() }).strict();
export const facilitatorKeySchema = z.object({ key: z.string().max(100) }).strict();
export const predictionSchema = z.object({ answer: z.string().max(40) }).strict();
export const emptySchema = z.object({}).strict();
