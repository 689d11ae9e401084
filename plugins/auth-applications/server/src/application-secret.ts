import { createApiKeyFormat, type ParsedApiKey } from '@checkpost/server'

/** Application keys: `ck_{applicationId}_{secret}`. */
export const applicationKeyFormat = createApiKeyFormat('ck')

/** A new checksummed application key, from the OS CSPRNG. */
export function newApplicationKey(applicationId: string): string {
  return applicationKeyFormat.mint(applicationId).key
}

/** The secret part of a key (what is hashed and stored). */
export function secretOfKey(key: string): string {
  return key.slice(key.lastIndexOf('_') + 1)
}

/** A parsed `Authorization: Bearer ck_…` header. */
export interface PresentedKey extends Omit<ParsedApiKey, 'id'> {
  readonly applicationId: string
}

/** Strict parse of the Authorization header; undefined for anything malformed. */
export function parsePresentedKey(header: string | undefined): PresentedKey | undefined {
  const parts = applicationKeyFormat.parseBearer(header)
  return parts && { applicationId: parts.id, secret: parts.secret, checksummed: parts.checksummed }
}
