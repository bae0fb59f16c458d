import { UserFacingError } from '../../errors.js';
import type { ImportKind } from './importKind.js';
import { appleTokensTemplate, graphApnsCertificate, graphDepOnboardingSettings, graphVppTokens } from './appleTokens.js';
import { collectionDependencyCsv, collectionRulesTemplate, directRuleCsv, queryRuleCsv } from './collectionRules.js';
import { configMgrAffinityCsv } from './configMgrAffinity.js';
import { configMgrCollectionCsv, configMgrMembershipCsv } from './configMgrCollections.js';
import { configMgrDeviceCsv } from './configMgrDevices.js';
import { configMgrUserCsv } from './configMgrUsers.js';
import { entraUserCsv, m365UserCsv } from './directoryUserCsv.js';
import { graphManagedDevices } from './graphManagedDevices.js';
import { graphDeviceCategories, graphOrganization } from './graphTenant.js';
import { graphUsers } from './graphUsers.js';
import { intuneDeviceCsv } from './intuneDeviceCsv.js';

/** Every kind of file the importer reads, in `--as` listing order. */
export const IMPORT_KINDS: readonly ImportKind[] = [
  intuneDeviceCsv,
  graphManagedDevices,
  graphUsers,
  graphDeviceCategories,
  graphApnsCertificate,
  graphDepOnboardingSettings,
  graphVppTokens,
  graphOrganization,
  configMgrDeviceCsv,
  configMgrUserCsv,
  configMgrCollectionCsv,
  configMgrMembershipCsv,
  configMgrAffinityCsv,
  directRuleCsv,
  queryRuleCsv,
  collectionDependencyCsv,
  entraUserCsv,
  m365UserCsv,
  collectionRulesTemplate,
  appleTokensTemplate,
] as ImportKind[];

export function importKindById(id: string): ImportKind {
  const kind = IMPORT_KINDS.find((candidate) => candidate.id === id);
  if (!kind) {
    throw new UserFacingError('invalid_input', `"${id}" is not an import kind. Kinds: ${IMPORT_KINDS.map((k) => k.id).join(', ')}.`);
  }
  return kind;
}
