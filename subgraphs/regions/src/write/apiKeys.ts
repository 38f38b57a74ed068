import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, forbidden, type Viewer } from '@moukawil/kit/core';
import { answerShownOnce, codeArg, recordChange, textArg, uuidArg, writeTransaction } from '@moukawil/kit/subgraph';
import { ApiKey, type ApiKeyCheck, type ApiKeyInput } from '../entities/ApiKey';

/** SHA-256 of a key: what is stored and looked up (the key is 32 random bytes, so a plain hash is enough). */
export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

function assertNational(viewer: Viewer): void {
  if (viewer.role !== 'NATIONAL') throw forbidden('Partner keys are issued, listed and revoked by the national office');
}

/** Partner API keys: issued by the national office (the secret shown once), revoked, never deleted. */
export class ApiKeys {
  constructor(
    private readonly db: EntityManager,
    private readonly viewer: Viewer,
  ) {}

  async issue(input: ApiKeyInput): Promise<{ key: string; apiKey: ApiKey }> {
    assertNational(this.viewer);
    const scopes = [...new Set(input.scopes)];
    if (scopes.length === 0) throw badInput('A key opens at least one scope', 'scopes');
    if (input.ratePerMinute != null && (!Number.isInteger(input.ratePerMinute) || input.ratePerMinute < 1 || input.ratePerMinute > 6_000))
      throw badInput('The rate must be 1 to 6,000 requests a minute', 'ratePerMinute');
    const key = `mkp_${randomBytes(32).toString('base64url')}`;
    const apiKey = Object.assign(new ApiKey(), {
      id: randomUUID(),
      name: textArg(input.name, 'name', 3, 200),
      owner: textArg(input.owner, 'owner', 3, 200),
      partnerCode: input.partner ? codeArg(input.partner, 'partner') : null,
      scopes,
      ratePerMinute: input.ratePerMinute ?? null,
      prefix: key.slice(0, 10),
      hash: keyHash(key),
      createdBy: this.viewer.subject ?? 'anonymous',
      createdAt: new Date(),
      revokedAt: null,
      revokeReason: null,
      lastUsedAt: null,
    });
    return writeTransaction(this.db, async (tx) => {
      await tx.insert(ApiKey, apiKey);
      await recordChange(tx, this.viewer, {
        entity: 'ApiKey',
        id: apiKey.id,
        action: 'API_KEY_ISSUED',
        after: { name: apiKey.name, owner: apiKey.owner, scopes },
      });
      // Never stored in clear, not even as the answer a retry with the same Idempotency-Key replays.
      answerShownOnce(
        `This request issued the key ${apiKey.prefix}… (id ${apiKey.id}) and a key is shown only once: if its answer was lost, revoke that key and issue another.`,
      );
      return { key, apiKey };
    });
  }

  async revoke(id: string, reason: string): Promise<ApiKey> {
    assertNational(this.viewer);
    uuidArg(id);
    const why = textArg(reason, 'reason', 3, 500);
    return writeTransaction(this.db, async (tx) => {
      const apiKey = await tx.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!apiKey) throw badInput(`No key has the id "${id}"`, 'id');
      if (apiKey.revokedAt) throw badInput('This key is revoked already', 'id');
      Object.assign(apiKey, { revokedAt: new Date(), revokeReason: why });
      await tx.save(apiKey);
      await recordChange(tx, this.viewer, { entity: 'ApiKey', id, action: 'API_KEY_REVOKED', reason: why });
      return apiKey;
    });
  }

  list(): Promise<ApiKey[]> {
    assertNational(this.viewer);
    return this.db.getRepository(ApiKey).find({ order: { createdAt: 'DESC' } });
  }

  /**
   * The gateway's check of a key it was shown, by hash: a live key's scopes and rate, or null. Its
   * last use is written at most once a minute: a key in steady use costs a read per request, not a write.
   */
  static async check(db: EntityManager, hash: string): Promise<ApiKeyCheck | null> {
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const rows: Array<{ id: string; scopes: string[]; rate_per_minute: number | null }> = await db.query(
      `WITH found AS (SELECT id, scopes, rate_per_minute, last_used_at FROM api_key WHERE hash = $1 AND revoked_at IS NULL),
       touched AS (UPDATE api_key SET last_used_at = now() FROM found
         WHERE api_key.id = found.id AND (found.last_used_at IS NULL OR found.last_used_at < now() - interval '1 minute') RETURNING api_key.id)
       SELECT id, scopes, rate_per_minute FROM found`,
      [hash],
    );
    const found = rows[0];
    return found ? ({ id: found.id, scopes: found.scopes, ratePerMinute: found.rate_per_minute } as ApiKeyCheck) : null;
  }
}
