import type { JsonObject } from './graphJson.js';

/**
 * How a Graph property's value is read where it did not come as Graph JSON: from a cell of a
 * PowerShell `Export-Csv`, or from `ConvertTo-Json` (which writes PascalCase names, and dates
 * as `/Date(…)/` in Windows PowerShell 5.1).
 */
export type GraphPropertyType = 'text' | 'flag' | 'integer' | 'date' | 'objects';

/** The Graph properties a kind's writer reads, spelt as Graph spells them. */
export type GraphProperties = Readonly<Record<string, GraphPropertyType>>;

/**
 * PowerShell flattens a complex property to its .NET type name when it writes a CSV
 * (`Microsoft.Graph.PowerShell.Models.MicrosoftGraphDeviceCategory`, ``System.Collections.
 * Generic.Dictionary`2[System.String,System.Object]``, `System.Object[]`), and the 2019
 * Intune SDK to `@{name=value; …}`. Such a cell says nothing about the object.
 */
export function isFlattenedObject(value: string): boolean {
  return /^(?:Microsoft|System)\.[\w.`+]+(?:\[.*\])?$/.test(value) || /^@\{.*\}$/s.test(value);
}

/** Maps property names written in any case (AzureAdDeviceId, OSVersion) to Graph's (azureADDeviceId, osVersion). */
export class GraphPropertyNames {
  private readonly byKey = new Map<string, string>();

  constructor(propertyLists: readonly GraphProperties[]) {
    for (const properties of propertyLists) for (const name of Object.keys(properties)) this.byKey.set(name.toLowerCase(), name);
  }

  /** Graph's spelling of a name in any case, or undefined for a property no kind reads. */
  graphName(name: string): string | undefined {
    return this.byKey.get(name.trim().toLowerCase());
  }

  /**
   * The item with the names it shares with Graph spelt as Graph does, so that one mapper reads
   * Graph JSON and PowerShell's output alike; other names are kept as written. An item already
   * in Graph's spelling is returned as it is.
   */
  normalize(item: JsonObject): JsonObject {
    if (Object.keys(item).every((key) => this.graphName(key) === undefined || this.graphName(key) === key)) return item;
    const normalized: JsonObject = {};
    for (const [key, value] of Object.entries(item)) normalized[this.graphName(key) ?? key] = value;
    return normalized;
  }
}

/** Windows PowerShell 5.1's ConvertTo-Json writes a DateTime as `/Date(1560503702000)/`, milliseconds since 1970 UTC. */
export function isoFromJsonDate(value: string): string | null {
  const match = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value.trim());
  return match ? new Date(Number(match[1])).toISOString() : null;
}

/** ConvertTo-Json's values, turned into what Graph JSON has: ISO dates. */
export function graphJsonValues(item: JsonObject, properties: GraphProperties): JsonObject {
  let converted: JsonObject | null = null;
  for (const [name, type] of Object.entries(properties)) {
    const value = item[name];
    if (type !== 'date' || typeof value !== 'string') continue;
    const iso = isoFromJsonDate(value);
    if (iso) (converted ??= { ...item })[name] = iso;
  }
  return converted ?? item;
}
