import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);
export const verifyPassword = async (stored: string, password: string) => {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};

export function checkPasswordStrength(password: string): string | undefined {
  if (password.length < 12) return 'A password needs at least 12 characters';
  if (password.length > 200) return 'A password is at most 200 characters';
  return undefined;
}
