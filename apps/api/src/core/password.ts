import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const OPTIONS = { algorithm: 2 } as const;

/** argon2id with the library's defaults (19 MiB, t=2), the OWASP baseline. */
export const hashPassword = (plain: string): Promise<string> => hash(plain, OPTIONS);
export const verifyPassword = async (stored: string, plain: string): Promise<boolean> => {
  try {
    return await verify(stored, plain, OPTIONS);
  } catch {
    return false;
  }
};
let dummy: Promise<string> | undefined;
/** Verifies against a throwaway hash so an unknown user's answer takes as long as a known user's. */
export const verifyAgainstDummy = async (plain: string): Promise<false> => {
  dummy ??= hashPassword('duikou-timing-equaliser');
  await verifyPassword(await dummy, plain);
  return false;
};
