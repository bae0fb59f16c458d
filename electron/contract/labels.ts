/** Display names the app and its reports use for stored enum values. */
export const PLATFORMS = ['ios', 'ipados', 'macos', 'android', 'windows', 'windowsMobile', 'other', 'unknown'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  ios: 'iOS',
  ipados: 'iPadOS',
  macos: 'macOS',
  android: 'Android',
  windows: 'Windows',
  windowsMobile: 'Windows Mobile',
  other: 'Other',
  unknown: 'Unknown',
};

export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  intune: 'Intune admin centre export',
  graph: 'Microsoft Graph',
  configmgr: 'Configuration Manager',
  entra: 'Entra users export',
  m365: 'Microsoft 365 active users',
  template: 'Project template',
  demo: 'Demo generator',
};
