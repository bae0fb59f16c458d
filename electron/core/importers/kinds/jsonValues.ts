import type { JsonObject } from '../input/graphJson.js';

/** Typed reads of Graph properties: a property of another type reads as null, never as a wrong value. */
export function text(item: JsonObject, key: string): string | null {
  const value = item[key];
  if (typeof value === 'string') return value.trim() || null;
  return typeof value === 'number' ? String(value) : null;
}

export function integer(item: JsonObject, key: string): number | null {
  const value = item[key];
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

export function flag(item: JsonObject, key: string): 0 | 1 | null {
  const value = item[key];
  return typeof value === 'boolean' ? (value ? 1 : 0) : null;
}

export function objects(item: JsonObject, key: string): JsonObject[] {
  const value = item[key];
  return Array.isArray(value) ? value.filter((entry): entry is JsonObject => typeof entry === 'object' && entry !== null && !Array.isArray(entry)) : [];
}

export function has(item: JsonObject, ...keys: string[]): boolean {
  return keys.every((key) => key in item);
}
