/**
 * Brief §7: where the sources disagree. Findings quote these so the consultant sees the
 * disagreement, and each states the conservative reading the app takes.
 */
export const CONFLICTS = {
  demDevices:
    'Sources disagree (brief §7.1): the final mixed-authority doc [S4] says DEM-enrolled devices do not migrate and need Microsoft Support; ' +
    'PR #1275 and Support in #1513 say they migrate at the switch if the DEM stays in the subscription collection. ' +
    'Conservative reading: keep the DEM in the subscription collection, plan for them not migrating, and verify each device after the switch.',
  userlessAtSwitch:
    'Sources disagree (brief §7.2): [S4] (May 2019) says the tenant switch finishes userless devices; [S5, S6, S7] say they are not migrated and need Support, ' +
    'and after two months of post-switch attempts Support told one customer to use the cmdlet during mixed authority (#1356). ' +
    'Conservative reading: move them with Switch-MdmDeviceAuthority during mixed authority, before the switch; Support is the fallback.',
  categorySentence:
    'Sources disagree (brief §0.2, §7.5): the often-quoted "categories are not carried over" sentence [S7b, S9] describes standalone → hybrid, and the ' +
    'pre-November-2017 procedure [S8] deleted categories; for hybrid → standalone categories are tenant-level and migrate at the switch [S4]. ' +
    'Conservative reading: do not block the switch, but record every category now and verify it afterwards.',
  deprecationDate:
    'Sources disagree on the deprecation date (brief §7.8): 13 August 2018 [S4] vs 14 August 2018 [S1, S10]; the retirement date, 1 September 2019 [S10], is not in dispute.',
  earlyProcedure:
    'Runbooks written before November 2017 (brief §7.3) renewed the APNs certificate by hand at the switch; since then it migrates automatically [S4, S19 #971]. ' +
    'Do not follow the old manual-upload steps unless Support resets the tenant.',
} as const;
