import { Badge, Button, SearchBox, Tab, TabList, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import type { DeviceRow, DeviceSortColumn, UserRow, UserSortColumn } from '../../../../electron/contract/api';
import {
  COMPLIANCE_STATE_LABELS,
  ENROLLMENT_TYPE_LABELS,
  MANAGEMENT_AGENT_LABELS,
  OWNER_TYPE_LABELS,
  PLATFORM_LABELS,
  SOURCE_LABELS,
  enumLabel,
  type Platform,
} from '../../../../electron/contract/labels';
import { callApi } from '../../api/callApi';
import { formatDate } from '../../app/format';
import { useFileExport } from '../../app/useFileExport';
import { EnumFact, RecordDrawer, deviceFindings, userFindings } from './RecordDrawer';
import { VirtualTable, type Column } from './VirtualTable';
import { useDataBrowserStore, type BrowserTab } from './dataBrowserStore';

const useStyles = makeStyles({
  page: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}` },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  search: { marginLeft: 'auto', width: '320px' },
  nowrap: { whiteSpace: 'nowrap', flexShrink: 0 },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

const DEVICE_COLUMNS: Column<DeviceRow>[] = [
  { key: 'name', label: 'Device name', width: 'minmax(160px, 1.6fr)', sortable: true, render: (row) => row.name ?? '—' },
  { key: 'platform', label: 'Platform', width: '130px', sortable: true, render: (row) => `${PLATFORM_LABELS[row.platform as Platform] ?? row.platform} ${row.osVersion ?? ''}` },
  { key: 'serialNumber', label: 'Serial number', width: '140px', sortable: true, render: (row) => row.serialNumber ?? '—' },
  { key: 'primaryUserUpn', label: 'Primary user', width: 'minmax(170px, 1.6fr)', sortable: true, render: (row) => row.primaryUserUpn ?? <Badge color="danger" appearance="tint">No primary user</Badge> },
  { key: 'enrollmentType', label: 'Enrollment type', width: 'minmax(140px, 1.2fr)', sortable: true, render: (row) => (row.enrollmentType ? enumLabel(ENROLLMENT_TYPE_LABELS, row.enrollmentType) : '—') },
  { key: 'category', label: 'Category', width: '120px', sortable: true, render: (row) => row.category ?? '—' },
  { key: 'lastCheckIn', label: 'Last check-in', width: '110px', sortable: true, render: (row) => (row.lastCheckIn ? formatDate(row.lastCheckIn) : '—') },
  { key: 'compliance', label: 'Compliance', width: '110px', sortable: true, render: (row) => (row.compliance ? enumLabel(COMPLIANCE_STATE_LABELS, row.compliance) : '—') },
];

const USER_COLUMNS: Column<UserRow>[] = [
  { key: 'userPrincipalName', label: 'User principal name', width: 'minmax(220px, 2fr)', sortable: true, render: (row) => row.userPrincipalName ?? '—' },
  { key: 'displayName', label: 'Display name', width: 'minmax(160px, 1.5fr)', sortable: true, render: (row) => row.displayName ?? '—' },
  { key: 'onPremisesAccount', label: 'ConfigMgr account', width: 'minmax(160px, 1.2fr)', render: (row) => row.onPremisesAccount ?? '—' },
  { key: 'inEntra', label: 'Entra ID', width: '110px', render: (row) => (row.inEntra ? 'Found' : <Badge color="danger" appearance="tint">Not found</Badge>) },
  { key: 'licences', label: 'Licences', width: 'minmax(140px, 1fr)', render: (row) => row.licences.join(', ') || <Badge color="warning" appearance="tint">None</Badge> },
  { key: 'devices', label: 'Devices', width: '90px', sortable: true, render: (row) => row.devices },
  { key: 'isDem', label: 'DEM', width: '70px', render: (row) => (row.isDem ? 'Yes' : '') },
];

function deviceFacts(row: DeviceRow): [string, ReactNode][] {
  return [
    ['Platform', `${PLATFORM_LABELS[row.platform as Platform] ?? row.platform} ${row.osVersion ?? ''}`],
    ['Serial number', row.serialNumber],
    ['Primary user', row.primaryUserSources ?? 'none in any source'],
    ...(row.ownerConflict ? [['Conflict', 'The sources name different primary users; resolve it in ConfigMgr (user device affinity) or Intune before the wave.'] as [string, string]] : []),
    ...(row.inMdmScope ? [] : [['MDM scope', 'Not an MDM device (ActiveSync-only record or ConfigMgr PC client): it does not migrate and the device rules leave it out.'] as [string, string]]),
    ['Enrollment type', row.enrollmentType && <EnumFact labels={ENROLLMENT_TYPE_LABELS} value={row.enrollmentType} />],
    ['Ownership', row.ownership && <EnumFact labels={OWNER_TYPE_LABELS} value={row.ownership} />],
    ['Managed by', row.managementAgent && <EnumFact labels={MANAGEMENT_AGENT_LABELS} value={row.managementAgent} />],
    ['Category', row.category],
    ['Last check-in', row.lastCheckIn ? formatDate(row.lastCheckIn) : null],
    ['Compliance', row.compliance && <EnumFact labels={COMPLIANCE_STATE_LABELS} value={row.compliance} />],
    ['Seen in', row.sources.map((source) => SOURCE_LABELS[source] ?? source).join(', ')],
  ];
}

function userFacts(row: UserRow): [string, ReactNode][] {
  return [
    ['Display name', row.displayName],
    ['ConfigMgr account', row.onPremisesAccount],
    ['In Entra ID', row.inEntra ? 'yes' : 'no'],
    ['Account enabled', row.accountEnabled === null ? null : row.accountEnabled ? 'yes' : 'no'],
    ['Licences', row.licences.join(', ') || 'none'],
    ['Devices', String(row.devices)],
    ['Device enrollment manager', row.isDem ? 'yes' : 'no'],
  ];
}

export function DataBrowser() {
  const styles = useStyles();
  const { tab, search, deviceSort, userSort, setTab, setSearch, sortDevices, sortUsers } = useDataBrowserStore();
  const deferredSearch = useDeferredValue(search);
  const { exportFile, exportMessage } = useFileExport();
  // The whole view as the table shows it (search and sort), not just the rows on screen.
  const exportView = () =>
    exportFile(() =>
      tab === 'devices'
        ? callApi('devices.exportCsv', { search: search || undefined, sortBy: deviceSort.column, sortDirection: deviceSort.direction })
        : callApi('users.exportCsv', { search: search || undefined, sortBy: userSort.column, sortDirection: userSort.direction }),
    );
  const [openRecord, setOpenRecord] = useState<{ type: 'device'; row: DeviceRow } | { type: 'user'; row: UserRow } | null>(null);
  const loadFindings = useMemo(
    () => (openRecord?.type === 'device' ? deviceFindings(openRecord.row.id) : openRecord?.type === 'user' ? userFindings(openRecord.row.id) : null),
    [openRecord],
  );

  const fetchDevices = useCallback(
    (offset: number, limit: number) =>
      callApi('devices.page', { offset, limit, search: deferredSearch || undefined, sortBy: deviceSort.column, sortDirection: deviceSort.direction }),
    [deferredSearch, deviceSort],
  );
  const fetchUsers = useCallback(
    (offset: number, limit: number) =>
      callApi('users.page', { offset, limit, search: deferredSearch || undefined, sortBy: userSort.column, sortDirection: userSort.direction }),
    [deferredSearch, userSort],
  );

  return (
    <section className={styles.page} aria-labelledby="data-title">
      <div className={styles.toolbar}>
        <Title3 as="h1" id="data-title">
          Data browser
        </Title3>
        <TabList selectedValue={tab} onTabSelect={(_event, data) => setTab(data.value as BrowserTab)}>
          <Tab value="devices">Devices</Tab>
          <Tab value="users">Users</Tab>
        </TabList>
        <SearchBox
          className={styles.search}
          placeholder={tab === 'devices' ? 'Start of a name, serial, IMEI or user' : 'Search UPN, name or DOMAIN\\user'}
          value={search}
          onChange={(_event, data) => setSearch(data.value)}
          aria-label="Search"
        />
        <Button className={styles.nowrap} icon={<ArrowDownloadRegular />} onClick={() => void exportView()}>
          Export CSV
        </Button>
      </div>
      {exportMessage}
      {tab === 'devices' ? (
        <VirtualTable
          key="devices"
          columns={DEVICE_COLUMNS}
          fetchPage={fetchDevices}
          queryKey={`devices|${deferredSearch}|${deviceSort.column}|${deviceSort.direction}`}
          sort={deviceSort}
          onSort={(column) => sortDevices(column as DeviceSortColumn)}
          label="Devices"
          noun="devices"
          onRowActivate={(row) => setOpenRecord({ type: 'device', row })}
        />
      ) : (
        <VirtualTable
          key="users"
          columns={USER_COLUMNS}
          fetchPage={fetchUsers}
          queryKey={`users|${deferredSearch}|${userSort.column}|${userSort.direction}`}
          sort={userSort}
          onSort={(column) => sortUsers(column as UserSortColumn)}
          label="Users"
          noun="users"
          onRowActivate={(row) => setOpenRecord({ type: 'user', row })}
        />
      )}
      {openRecord && loadFindings && (
        <RecordDrawer
          title={openRecord.type === 'device' ? (openRecord.row.name ?? 'Device') : (openRecord.row.userPrincipalName ?? openRecord.row.displayName ?? 'User')}
          facts={openRecord.type === 'device' ? deviceFacts(openRecord.row) : userFacts(openRecord.row)}
          loadFindings={loadFindings}
          onClose={() => setOpenRecord(null)}
        />
      )}
    </section>
  );
}
