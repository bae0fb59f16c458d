import { createHmac } from 'node:crypto';
import type { Snapshot } from '../snapshot/openSnapshot.js';

/**
 * What a pseudonym stands for; the kind names the pseudonym so a reader still knows what it was.
 * Every e-mail address (UPN or Apple ID) is a `user`, so one address reads the same in every column.
 */
export type PseudonymKind = 'user' | 'person' | 'account' | 'device' | 'serial' | 'imei';

/**
 * Hex digits of the HMAC kept in a pseudonym. Ten (40 bits) keep two of a quarter of a million
 * devices from sharing one in all but about one report in thirty; four would collide dozens of
 * times in the 250,000-device demo.
 */
const DIGITS = 10;

/** An e-mail address: UPNs and Apple IDs inside free text (rule details, notes, justifications). */
const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** An on-premises account (`DOMAIN\sam`), as ConfigMgr names users in rule details. */
const DOMAIN_ACCOUNT = /\b[A-Za-z0-9][A-Za-z0-9._-]*\\[A-Za-z0-9._$-]+/g;

/**
 * Replaces personal and device identifiers with pseudonyms for reports shared outside the
 * customer: UPNs, display names, on-premises accounts, device names, serial numbers, IMEIs and
 * Apple IDs. A pseudonym is a keyed HMAC-SHA256 of the value, so the same value gets the same
 * pseudonym everywhere in one report set (a device's serial in the PDF, the workbook and the
 * CSV). The key comes from the snapshot's random secret (redactionKeyOf), which no report
 * shows: a reader cannot test a guessed UPN or serial against a pseudonym, and pseudonyms
 * differ between snapshots, so nobody can build a dictionary of them across engagements.
 * Values are compared case-insensitively (UPNs and serials are).
 */
export class Redactor {
  private readonly key: Buffer;

  constructor(redactionKey: string) {
    this.key = createHmac('sha256', 'mdm-migration-assistant report redaction').update(redactionKey).digest();
  }

  pseudonym(kind: PseudonymKind, value: string): string {
    const digest = createHmac('sha256', this.key).update(`${kind}\0${value.trim().toLowerCase()}`).digest('hex').slice(0, DIGITS);
    return kind === 'user' ? `${kind}-${digest}@redacted` : `${kind}-${digest}`;
  }

  /** A value of a known kind; null and empty stay as they are (an absent serial is not a secret). */
  value(kind: PseudonymKind, value: string | null): string | null {
    return value === null || value === '' ? value : this.pseudonym(kind, value);
  }

  /**
   * Free text written by people or built by rules: e-mail addresses become user pseudonyms
   * (the same ones the UPN columns show) and `DOMAIN\account` names account pseudonyms. Other
   * names typed into a note cannot be recognised; the documentation says so.
   */
  text(value: string | null): string | null {
    if (value === null) return null;
    return value.replace(EMAIL, (email) => this.pseudonym('user', email)).replace(DOMAIN_ACCOUNT, (account) => this.pseudonym('account', account));
  }
}

/** The key of a snapshot's pseudonyms: its random secret (schema v13), hex. Never written into a report. */
export function redactionKeyOf(snapshot: Snapshot): string {
  const secret = snapshot.db.prepare('SELECT hex(redaction_secret) FROM engagement WHERE id = 1').pluck().get() as string | null | undefined;
  if (!secret) throw new Error('The snapshot has no redaction secret.');
  return secret;
}
