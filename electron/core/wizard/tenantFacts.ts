import { UserFacingError } from '../errors.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { actor, type Actor } from './actor.js';
import { TENANT_FACTS, type TenantFactDefinition, type TenantFactType } from './tenantFactDefinitions.js';

/** Where a fact's value came from: typed by a consultant, an import, the demo generator, or nowhere yet. */
export type FactSource = 'typed' | 'import' | 'demo';

export interface TenantFact {
  readonly key: string;
  readonly label: string;
  readonly meaning: string;
  readonly type: TenantFactType;
  readonly choices: readonly { readonly value: string; readonly label: string }[] | null;
  readonly rules: readonly string[];
  /** As typed on the command line: `yes`/`no` for yes/no facts, YYYY-MM-DD for dates. Null: not known yet. */
  readonly value: string | null;
  readonly source: FactSource | null;
  readonly setBy: string | null;
  readonly setAt: string | null;
}

export interface SetTenantFactRequest extends Actor {
  readonly key: string;
  /** The value as a person types it; '' clears the fact. */
  readonly value: string;
  /** The wizard question that asked for it, for the audit log. */
  readonly questionId?: string;
}

export function tenantFactDefinition(key: string): TenantFactDefinition {
  const definition = TENANT_FACTS.find((fact) => fact.key === key);
  if (!definition) throw new UserFacingError('invalid_input', `Unknown tenant fact "${key}" (known: ${TENANT_FACTS.map((fact) => fact.key).join(', ')}).`);
  return definition;
}

/** Every tenant fact with its value and where it came from, in TENANT_FACTS order. */
export function listTenantFacts(snapshot: Snapshot): TenantFact[] {
  const db = snapshot.db;
  // Column names come from TENANT_FACTS (code constants), never from input.
  const select = (table: 'tenant' | 'engagement') =>
    db.prepare(`SELECT ${TENANT_FACTS.filter((fact) => fact.table === table).map((fact) => `${fact.column} AS "${fact.key}"`).join(', ')} FROM ${table} WHERE id = 1`).get() as
      | Record<string, string | number | null>
      | undefined;
  const values = { ...select('tenant'), ...select('engagement') };
  const sources = new Map(
    (db.prepare('SELECT fact_key AS key, source, set_by AS setBy, set_at AS setAt FROM tenant_fact_sources').all() as {
      key: string;
      source: FactSource;
      setBy: string | null;
      setAt: string | null;
    }[]).map((row) => [row.key, row]),
  );
  // Imports and the demo generator get their provenance row from a trigger (schema v9); a value
  // without one was written before that version, by an import or the demo generator.
  const isDemo = (db.prepare('SELECT is_demo AS demo FROM engagement WHERE id = 1').get() as { demo: number } | undefined)?.demo === 1;
  return TENANT_FACTS.map((definition) => {
    const value = displayValue(definition, values[definition.key] ?? null);
    const source = sources.get(definition.key);
    return {
      key: definition.key,
      label: definition.label,
      meaning: definition.meaning,
      type: definition.type,
      choices: definition.choices ?? null,
      rules: definition.rules,
      value,
      source: source?.source ?? (value === null ? null : isDemo ? 'demo' : 'import'),
      setBy: source?.setBy ?? null,
      setAt: source?.setAt ?? null,
    };
  });
}

export function getTenantFact(snapshot: Snapshot, key: string): TenantFact {
  tenantFactDefinition(key);
  return listTenantFacts(snapshot).find((fact) => fact.key === key)!;
}

/**
 * Records a fact typed by a consultant: the value, who typed it and when, and an audit entry
 * with the previous value, in one transaction.
 */
export function setTenantFact(snapshot: Snapshot, request: SetTenantFactRequest): TenantFact {
  const definition = tenantFactDefinition(request.key);
  const { by, at } = actor(request);
  const stored = storedValue(definition, request.value);
  const db = snapshot.db;
  db.transaction(() => {
    const previous = getTenantFact(snapshot, definition.key).value;
    db.prepare(`UPDATE ${definition.table} SET ${definition.column} = ? WHERE id = 1`).run(stored);
    db.prepare(
      `INSERT INTO tenant_fact_sources (fact_key, source, set_by, set_at) VALUES (?, 'typed', ?, ?)
       ON CONFLICT (fact_key) DO UPDATE SET source = 'typed', set_by = excluded.set_by, set_at = excluded.set_at`,
    ).run(definition.key, by, at);
    snapshot.audit(by, request.questionId ? 'wizard.answer' : 'tenant.set', definition.key, {
      value: displayValue(definition, stored),
      previous,
      question: request.questionId ?? null,
    });
  })();
  return getTenantFact(snapshot, definition.key);
}

function displayValue(definition: TenantFactDefinition, stored: string | number | null): string | null {
  if (stored === null || stored === undefined) return null;
  if (definition.type === 'yesno') return Number(stored) === 1 ? 'yes' : 'no';
  return String(stored);
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** The column value for what a person typed, or a UserFacingError saying what is expected. */
export function storedValue(definition: TenantFactDefinition, typed: string): string | number | null {
  const value = typed.trim();
  if (value === '') return null;
  const invalid = (expected: string) => new UserFacingError('invalid_input', `${definition.key} must be ${expected}, got "${value}".`);
  switch (definition.type) {
    case 'yesno':
      if (YES.has(value.toLowerCase())) return 1;
      if (NO.has(value.toLowerCase())) return 0;
      throw invalid('yes or no');
    case 'date': {
      const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw invalid('a date YYYY-MM-DD');
      return value;
    }
    case 'choice': {
      const choice = definition.choices!.find((candidate) => candidate.value === value.toLowerCase());
      if (!choice) throw invalid(`one of ${definition.choices!.map((candidate) => candidate.value).join(', ')}`);
      return choice.value;
    }
    case 'text':
      return value;
  }
}
