import { z } from 'zod';

/** Who is using the booth: every action is attributed to them, and their role decides what they may do. */
export const userRoleSchema = z.enum(['officer', 'supervisor', 'trainer']);
export type UserRole = z.infer<typeof userRoleSchema>;

export const signedInUserSchema = z.object({
  userId: z.string().min(1).max(40),
  name: z.string().min(1).max(80),
  role: userRoleSchema,
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;
