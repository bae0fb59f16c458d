import type { CsvRowKind } from './importKind.js';
import { integerOf } from './labelMaps.js';

const COLUMNS = {
  resourceId: { headers: ['ResourceID'], required: true },
  uniqueUserName: { headers: ['UniqueUserName', 'Unique_User_Name0'], required: true },
  upn: { headers: ['UserPrincipalName', 'User_Principal_Name0'] },
  userName: { headers: ['UserName', 'User_Name0'] },
  domain: { headers: ['WindowsNTDomain', 'Windows_NT_Domain0'] },
  fullName: { headers: ['FullUserName', 'Full_User_Name0', 'Name'] },
  mail: { headers: ['Mail', 'Mail0'] },
} as const;
type Field = keyof typeof COLUMNS;

/** `Get-CMUser | Export-Csv` and the `v_R_User` SQL view: the `DOMAIN\user` → UPN bridge (brief §4c). */
export const configMgrUserCsv: CsvRowKind<Field> = {
  id: 'cm-users',
  label: 'Configuration Manager users (Get-CMUser or v_R_User)',
  source: 'configmgr',
  order: 10,
  format: 'csv',
  columns: COLUMNS,
  signature: ['resourceId', 'uniqueUserName'],
  clear: ({ stores, source }) => stores.users.clearSource(source),
  writer({ stores, source, batchId }) {
    return {
      write(row, issues) {
        const resourceId = integerOf(row.get('resourceId'));
        if (resourceId === null) {
          issues.reject(row.header('resourceId'), `ResourceID "${row.get('resourceId')}" is not a number`);
          return false;
        }
        const uniqueUserName = row.get('uniqueUserName')!;
        const [domain, sam] = uniqueUserName.includes('\\') ? uniqueUserName.split('\\', 2) : [row.get('domain'), row.get('userName')];
        return (
          stores.users.upsert(
            {
              cmResourceId: resourceId,
              cmUniqueUserName: uniqueUserName,
              upn: row.get('upn'),
              displayName: row.get('fullName'),
              mail: row.get('mail'),
              onPremDomain: domain ?? null,
              onPremSam: sam ?? null,
            },
            source,
            batchId,
            issues,
          ) !== null
        );
      },
    };
  },
};
