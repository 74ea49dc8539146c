import { z } from 'zod';
import { isSecret, type Secret } from './secret.js';

/** A config field that may hold a credential: a plain string or a Secret (from a sensitive `${VAR}`). */
export const zSecretString = (): z.ZodType<string | Secret> =>
  z.union([z.string(), z.custom<Secret>((v) => isSecret(v), { message: 'expected a string' })]);
