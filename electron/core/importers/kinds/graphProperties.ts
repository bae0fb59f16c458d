import type { JsonObject } from '../input/graphJson.js';

/**
 * How a Graph property's value is read where it did not come as Graph JSON: from a cell of a
 * PowerShell `Export-Csv`, or from `ConvertTo-Json` (which writes PascalCase names, and dates
 * as `/Date(…)/` in Windows PowerShell 5.1). A list of objects (`assignedLicenses`) gives
 * the properties of its objects.
 */
export type GraphPropertyType = 'text' | 'flag' | 'integer' | 'date' | { readonly objects: GraphProperties };

/** The Graph properties a kind's writer reads, spelt as Graph spells them. */
export type GraphProperties = { readonly [property: string]: GraphPropertyType };

/**
 * PowerShell flattens a complex property to its .NET type name when it writes a CSV
 * (`Microsoft.Graph.PowerShell.Models.MicrosoftGraphDeviceCategory`, ``System.Collections.
 * Generic.Dictionary`2[System.String,System.Object]``, `System.Object[]`), and the 2019
 * Intune SDK to `@{name=value; …}`. Such a cell says nothing about the object.
 */
export function isFlattenedObject(value: string): boolean {
  return /^(?:Microsoft|System)\.[\w.`+]+(?:\[.*\])?$/.test(value) || /^@\{.*\}$/s.test(value);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Maps property names written in any case (AzureAdDeviceId, OSVersion, SkuId) to Graph's
 * (azureADDeviceId, osVersion, skuId), at the top level and inside the object lists a kind reads.
 */
export class GraphPropertyNames {
  private readonly byKey = new Map<string, string>();

  constructor(propertyLists: readonly GraphProperties[]) {
    const add = (properties: GraphProperties) => {
      for (const [name, type] of Object.entries(properties)) {
        this.byKey.set(name.toLowerCase(), name);
        if (typeof type === 'object') add(type.objects);
      }
    };
    propertyLists.forEach(add);
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
    const spelt = (key: string) => this.graphName(key) ?? key;
    const nested = (value: unknown) => Array.isArray(value) && value.some((entry) => isObject(entry) && this.needsNormalizing(entry));
    if (!this.needsNormalizing(item) && !Object.values(item).some(nested)) return item;
    const normalized: JsonObject = {};
    for (const [key, value] of Object.entries(item)) {
      normalized[spelt(key)] = Array.isArray(value) ? value.map((entry: unknown) => (isObject(entry) ? this.normalize(entry) : entry)) : value;
    }
    return normalized;
  }

  private needsNormalizing(item: JsonObject): boolean {
    return Object.keys(item).some((key) => this.graphName(key) !== undefined && this.graphName(key) !== key);
  }
}

/** Windows PowerShell 5.1's ConvertTo-Json writes a DateTime as `/Date(1560503702000)/`, milliseconds since 1970 UTC. */
export function isoFromJsonDate(value: string): string | null {
  const match = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value.trim());
  return match ? new Date(Number(match[1])).toISOString() : null;
}

/** ConvertTo-Json's values turned into what Graph JSON has: ISO dates, in the item and in its object lists. */
export function graphJsonValues(item: JsonObject, properties: GraphProperties): JsonObject {
  let converted: JsonObject | null = null;
  for (const [name, type] of Object.entries(properties)) {
    const value = item[name];
    if (type === 'date' && typeof value === 'string') {
      const iso = isoFromJsonDate(value);
      if (iso) (converted ??= { ...item })[name] = iso;
    } else if (typeof type === 'object' && Array.isArray(value)) {
      const entries = value.map((entry: unknown) => (isObject(entry) ? graphJsonValues(entry, type.objects) : entry));
      if (entries.some((entry, i) => entry !== value[i])) (converted ??= { ...item })[name] = entries;
    }
  }
  return converted ?? item;
}
