import { bearerToken, generateApiKey, hasValidChecksum, parseApiKey } from '@checkpost/server'

/** Application keys are `ck_{applicationId}_{secret}`. */
export const APPLICATION_KEY_PREFIX = 'ck'

/** A new checksummed application key, from the OS CSPRNG. */
export function newApplicationKey(applicationId: string): string {
  return generateApiKey(APPLICATION_KEY_PREFIX, applicationId)
}

/** The secret part of a key (what is hashed and stored). */
export function secretOfKey(key: string): string {
  return key.slice(key.lastIndexOf('_') + 1)
}

/** A parsed `Authorization: Bearer ck_…` header. */
export interface PresentedKey {
  readonly applicationId: string
  readonly secret: string
  /** Whether its last six characters are its checksum (keys issued before checksums are not). */
  readonly checksummed: boolean
}

/** Strict parse of the Authorization header; undefined for anything malformed. */
export function parsePresentedKey(header: string | undefined): PresentedKey | undefined {
  const token = bearerToken(header)
  const parts = token === undefined ? undefined : parseApiKey(APPLICATION_KEY_PREFIX, token)
  if (!parts) return undefined
  return { applicationId: parts.id, secret: parts.secret, checksummed: hasValidChecksum(token!) }
}
