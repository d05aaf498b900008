import { z } from 'zod';
import { ROLES } from './labels.js';

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, { error: '请输入用户名' }).max(64, { error: '不能超过 64 个字符' }),
  password: z.string().min(1, { error: '请输入密码' }).max(256, { error: '不能超过 256 个字符' }),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const passwordChangeBodySchema = z.object({
  currentPassword: z.string().min(1, { error: '请输入当前密码' }).max(256),
  newPassword: z
    .string()
    .min(10, { error: '新密码至少 10 位' })
    .max(128, { error: '新密码不能超过 128 位' })
    .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: '新密码须同时包含字母和数字' }),
});
export type PasswordChangeBody = z.infer<typeof passwordChangeBodySchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  org: z.object({ id: z.string(), name: z.string(), kind: z.string(), regionCode: z.string().nullable(), regionName: z.string().nullable() }),
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;
