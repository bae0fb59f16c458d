export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
  /**
   * The migration rebuilds a table that other tables reference (create, copy, drop, rename):
   * foreign key enforcement is off while it runs, or dropping the old table would cascade its
   * deletion into them. The runner checks every reference before committing.
   */
  readonly rebuildsReferencedTable?: true;
  /**
   * The migration adds derived-fact columns (see derivedFacts.ts): once every migration has run,
   * the facts are computed for the rows already there by the same code every import uses, so a
   * migrated snapshot and a freshly imported one hold the same facts.
   */
  readonly refreshesDerivedFacts?: true;
}

/**
 * \`col = 'a' OR col = 'b' …\` for a CHECK constraint. SQLite evaluates \`IN (list)\` by building
 * an ephemeral table on every statement execution, which made row-by-row inserts into
 * \`devices\` twice as slow; an OR chain costs almost nothing. The lists are literal here, not
 * the app's enum constants, so that a released migration's SQL never changes.
 */
export function oneOf(column: string, values: readonly (string | number)[]): string {
  return values.map((value) => `${column} = ${typeof value === 'number' ? value : `'${value}'`}`).join(' OR ');
}
