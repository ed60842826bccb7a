import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hostAccessTokenSchema } from '../../app/host/hostAccessToken';
import { describeSchemaError } from '../../app/shared/describeSchemaError';

/**
 * The Node host's capability token for one launch. It is compared in constant time, and its value is
 * reachable only through `value` so that nothing prints it by accident (String(), JSON and util.inspect show a
 * placeholder).
 */
export class HostAccessToken {
  private readonly digest: Buffer;

  private constructor(private readonly secret: string) {
    this.digest = sha256(secret);
  }

  /** A fresh token: 32 random bytes, base64url. */
  static generate(): HostAccessToken {
    return new HostAccessToken(randomBytes(32).toString('base64url'));
  }

  /** A token chosen by the caller (a test harness that starts the host in another process); throws when malformed. */
  static from(value: string): HostAccessToken {
    const parsed = hostAccessTokenSchema.safeParse(value);
    if (!parsed.success) throw new Error(`Invalid host access token: ${describeSchemaError(parsed.error)}`);
    return new HostAccessToken(parsed.data);
  }

  /** The secret itself, for the launcher's URL fragment and for tests; never log it. */
  get value(): string {
    return this.secret;
  }

  /** Whether `candidate` is this token. Hashing first gives equal-length inputs, so timing reveals nothing, not even the length. */
  matches(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    return timingSafeEqual(sha256(candidate), this.digest);
  }

  toString(): string {
    return '[HostAccessToken]';
  }

  toJSON(): string {
    return '[HostAccessToken]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[HostAccessToken]';
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
