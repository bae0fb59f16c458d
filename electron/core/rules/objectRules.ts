import { notEvaluatedRule } from './ruleHelpers.js';
import type { RuleDefinition, Severity } from './types.js';

/**
 * OBJ_* rules read the Data Importer's "Export details" CSV (and a post-import Intune export),
 * which the app does not import. They are listed as not evaluated so they never pass silently,
 * until the consultant confirms them with the wizard check that names them.
 */
const IMPORTER_EXPORT = 'the Data Importer "Export details" (name, type, Importable, notes), which the app does not import: review it and confirm in the migration wizard';

function objectRule(id: string, severity: Severity, title: string, why: string, remediation: string[], sources: string[], needs = IMPORTER_EXPORT): RuleDefinition {
  return notEvaluatedRule({ id, family: 'object', severity, title, why, remediation, sources }, needs);
}

export const OBJECT_RULES: readonly RuleDefinition[] = [
  objectRule('OBJ_NOT_IMPORTABLE', 'medium', 'Objects the Data Importer cannot import', 'Importable = No, with the reason in Notes.',
    ['Fix the object in ConfigMgr and re-discover (Previous > Select data page), or plan a rebuild in Intune [S2, S3].'], ['S2', 'S3']),
  objectRule('OBJ_REQUIRES_CERT', 'medium', 'Profiles that require a certificate profile', 'A certificate-dependent profile needs its certificate in the same run.',
    ['Import the certificate profile in the same run [S2].'], ['S2']),
  objectRule('OBJ_DEPLOYMENT_ORPHAN', 'medium', 'Deployments of objects that were not imported', 'A deployment of a non-imported object, or an object imported without Deployments, leaves no assignment.',
    ['Re-run with the object and Deployments selected (duplicate risk), or assign manually in Intune [S2, S3].'], ['S2', 'S3']),
  objectRule('OBJ_DUPLICATE_RISK', 'low', 'Data Importer run more than once against the tenant', 'The importer keeps no state; re-imports duplicate objects.',
    ['Delete duplicates in Intune [S2].'], ['S2'], 'the importer run history (Export details CSVs of each run)'),
  objectRule('OBJ_SCEP_URL', 'high', 'Imported SCEP profiles still point at the ConfigMgr NDES URL', 'SCEP profiles must use the new connector.',
    ['Edit each imported SCEP profile to the new NDES/connector URL [S3].'], ['S3']),
  objectRule('OBJ_NAME_MISMATCH', 'medium', 'Intune profile names differ from ConfigMgr names', 'New settings replace old ones only under the same name; otherwise devices get duplicates.',
    ['Use the same names so old settings are overwritten, not duplicated [S6, S7].'], ['S6', 'S7'], 'a list of Intune profiles (post-import export) to compare names'),
  objectRule('OBJ_TC_UNASSIGNED', 'medium', 'Terms and conditions not assigned to migrated users', 'T&C migrate by themselves but must be assigned to a group with the migrated users.',
    ['Assign the terms to a group containing the migrated users [S3].'], ['S3'], 'the Intune terms-and-conditions assignments'),
  objectRule('OBJ_APP_DEVICE_COLLECTION', 'medium', 'Apps deployed to device collections', 'Apps on device collections (e.g. DEM devices) need Azure AD device groups and assignments.',
    ['Create Azure AD device groups and Intune assignments before the switch [S19 #1594].'], ['S19 #1594'], 'ConfigMgr application deployments with their target collections'),
];
