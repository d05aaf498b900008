import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field encryption for personal information (ID numbers, phones): AES-256-GCM with a random IV per
 * value, and an HMAC blind index so equal values can be found and kept unique without decrypting.
 * Stored form: `v1:<base64 iv|tag|ciphertext>`.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  blindIndex(plain: string): string;
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error('数据加密密钥应为 32 字节（base64 编码后 44 个字符）');
  const encKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'duikou-field-encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'duikou-blind-index', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext format');
      const raw = Buffer.from(stored.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return createHmac('sha256', macKey).update(plain.toUpperCase()).digest('hex');
    },
  };
}
