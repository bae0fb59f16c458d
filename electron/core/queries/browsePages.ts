import type { ApiResponse, DeviceSortColumn, ParsedRequest, UserSortColumn } from '../../contract/api.js';
import { SQL } from '../rules/ruleHelpers.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { iterateRows } from '../snapshot/sqliteDatabase.js';

/** Sort keys map to indexed columns only; the renderer never supplies SQL. */
const DEVICE_ORDER: Readonly<Record<DeviceSortColumn, string>> = {
  name: 'd.name COLLATE NOCASE',
  platform: 'd.platform',
  serialNumber: 'd.serial_number',
  primaryUserUpn: 'd.primary_user_upn',
  enrollmentType: 'd.enrollment_type',
  category: 'd.category',
  lastCheckIn: 'd.last_check_in',
  compliance: 'd.compliance',
};

const USER_ORDER: Readonly<Record<UserSortColumn, string>> = {
  userPrincipalName: 'u.upn',
  displayName: 'u.display_name',
  devices: 'devices',
};

function likePattern(search: string | undefined): string | null {
  const trimmed = search?.trim();
  return trimmed ? `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/**
 * The ids of the devices whose name, serial number, primary user or IMEI starts with `:lo`,
 * one range per column, each answered by that column's index (`:hi` is `:lo` followed by the
 * highest code point, so the range holds every text that starts with `:lo`). The platform
 * test only reads a row when a platform is asked for.
 */
const DEVICE_SEARCH_HITS = ['name COLLATE NOCASE', 'serial_number', 'primary_user_upn', 'imei']
  .map((column) => `SELECT id FROM devices WHERE ${column} >= :lo AND ${column} < :hi AND (:platform IS NULL OR platform = :platform)`)
  .join(' UNION ');

const DEVICE_COLUMNS = `d.id, d.name, d.platform, d.os_version AS osVersion, d.serial_number AS serialNumber,
  d.primary_user_upn AS primaryUserUpn, d.enrollment_type AS enrollmentType, d.ownership, d.management_agent AS managementAgent, d.category,
  d.last_check_in AS lastCheckIn, d.compliance,
  (SELECT json_group_array(source) FROM device_sources s WHERE s.device_id = d.id) AS sources,
  nullif(concat_ws('; ', CASE WHEN coalesce(d.primary_user_upn, '') <> '' THEN 'Intune: ' || d.primary_user_upn END,
                         'ConfigMgr affinity: ' || (SELECT group_concat(a.unique_user_name, ', ') FROM user_device_affinity a
                                                    WHERE a.is_primary = 1 AND a.relation_active = 1
                                                      AND (a.device_id = d.id OR a.device_resource_id = d.cm_resource_id))), '') AS primaryUserSources,
  d.owner_conflict AS ownerConflict, ${SQL.mdmDevice('d')} AS inMdmScope`;

type DeviceRowWithSources = Omit<ApiResponse<'devices.page'>['rows'][number], 'sources' | 'ownerConflict' | 'inMdmScope'> & {
  sources: string;
  ownerConflict: number;
  inMdmScope: number;
};

/** A data-browser view: the filter and sort of a page, without the paging. */
export type DeviceView = Omit<ParsedRequest<'devices.page'>, 'offset' | 'limit'>;
export type UserView = Omit<ParsedRequest<'users.page'>, 'offset' | 'limit'>;

/** SQLite reads LIMIT -1 as "no limit": a whole view streams through the page's own statement. */
const WHOLE_VIEW = { offset: 0, limit: -1 };

/**
 * The statement behind a device view and its parameters. The search matches the start of a
 * name, serial number, primary user or IMEI, because it runs on every keystroke: a substring
 * (`LIKE '%…%'`) has no index to use, so each keystroke read every device twice (count and
 * page), too slow at 250,000 devices for typing to feel immediate. With a search, one
 * statement finds the matches once, counts them (`total`), sorts only their ids and sort keys,
 * and reads the listed columns (the sources subquery included) for the page's rows alone.
 */
function deviceRowsStatement(view: DeviceView, page: { offset: number; limit: number }): { sql: string; params: Record<string, unknown> } {
  const search = view.search?.trim();
  const order = `ORDER BY ${DEVICE_ORDER[view.sortBy]} ${view.sortDirection === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, d.id`;
  const params = { platform: view.platform ?? null, limit: page.limit, offset: page.offset };
  if (!search) {
    return { sql: `SELECT ${DEVICE_COLUMNS} FROM devices d WHERE (:platform IS NULL OR d.platform = :platform) ${order} LIMIT :limit OFFSET :offset`, params };
  }
  return {
    sql: `WITH hits(id) AS MATERIALIZED (${DEVICE_SEARCH_HITS}),
               page(id) AS (SELECT d.id FROM hits h CROSS JOIN devices d ON d.id = h.id ${order} LIMIT :limit OFFSET :offset)
          SELECT ${DEVICE_COLUMNS}, (SELECT count(*) FROM hits) AS total FROM page p CROSS JOIN devices d ON d.id = p.id ${order}`,
    params: { ...params, lo: search, hi: `${search}\u{10FFFF}` },
  };
}

function deviceRow({ total: _total, ...row }: DeviceRowWithSources & { total?: number }): ApiResponse<'devices.page'>['rows'][number] {
  return { ...row, sources: JSON.parse(row.sources) as string[], ownerConflict: row.ownerConflict === 1, inMdmScope: row.inMdmScope === 1 };
}

/** A page of devices, sorted, optionally filtered by platform and a search (deviceRowsStatement). */
export function devicePage(snapshot: Snapshot, request: ParsedRequest<'devices.page'>): ApiResponse<'devices.page'> {
  const { sql, params } = deviceRowsStatement(request, request);
  const found = snapshot.db.prepare(sql).all(params) as (DeviceRowWithSources & { total?: number })[];
  let total: number;
  if (!request.search?.trim()) {
    total = (snapshot.db.prepare('SELECT count(*) AS n FROM devices d WHERE (:platform IS NULL OR d.platform = :platform)').get(params) as { n: number }).n;
  } else {
    // A page past the last match has no row to carry the count: count alone (rare; 0 from the start).
    total = found[0]?.total ?? (request.offset === 0 ? 0 : (snapshot.db.prepare(`SELECT count(*) AS n FROM (${DEVICE_SEARCH_HITS})`).get(params) as { n: number }).n);
  }
  return { total, offset: request.offset, rows: found.map(deviceRow) };
}

/** Every device of a view, in the view's order, streamed (a view can hold 250,000 devices). */
export function* iterateDeviceView(snapshot: Snapshot, view: DeviceView): Generator<ApiResponse<'devices.page'>['rows'][number]> {
  const { sql, params } = deviceRowsStatement(view, WHOLE_VIEW);
  for (const row of iterateRows<DeviceRowWithSources>(snapshot.db.prepare(sql), params)) yield deviceRow(row);
}

const USER_WHERE = `WHERE (:pattern IS NULL OR u.upn LIKE :pattern ESCAPE '\\' OR u.display_name LIKE :pattern ESCAPE '\\'
                        OR u.cm_unique_user_name LIKE :pattern ESCAPE '\\')`;

interface UserRowFromSql {
  id: number;
  userPrincipalName: string | null;
  displayName: string | null;
  onPremisesAccount: string | null;
  accountEnabled: number | null;
  inEntra: number;
  isDem: number;
  devices: number;
  licences: string;
}

function userRowsStatement(view: UserView): string {
  return `SELECT u.id, u.upn AS userPrincipalName, u.display_name AS displayName,
                 u.cm_unique_user_name AS onPremisesAccount, u.account_enabled AS accountEnabled,
                 u.in_entra AS inEntra, u.is_dem AS isDem,
                 (SELECT count(*) FROM devices d WHERE d.owner_user_id = u.id) AS devices,
                 (SELECT json_group_array(coalesce(l.sku_part_number, l.sku_id)) FROM user_licences l WHERE l.user_id = u.id) AS licences
          FROM users u ${USER_WHERE}
          ORDER BY ${USER_ORDER[view.sortBy]} ${view.sortDirection === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, u.id
          LIMIT :limit OFFSET :offset`;
}

function userRow(row: UserRowFromSql): ApiResponse<'users.page'>['rows'][number] {
  return {
    ...row,
    accountEnabled: row.accountEnabled === null ? null : row.accountEnabled === 1,
    inEntra: row.inEntra === 1,
    isDem: row.isDem === 1,
    licences: JSON.parse(row.licences) as string[],
  };
}

export function userPage(snapshot: Snapshot, request: ParsedRequest<'users.page'>): ApiResponse<'users.page'> {
  const pattern = likePattern(request.search);
  const total = (snapshot.db.prepare(`SELECT count(*) AS n FROM users u ${USER_WHERE}`).get({ pattern }) as { n: number }).n;
  const rows = snapshot.db.prepare(userRowsStatement(request)).all({ pattern, limit: request.limit, offset: request.offset }) as UserRowFromSql[];
  return { total, offset: request.offset, rows: rows.map(userRow) };
}

/** Every user of a view, in the view's order, streamed. */
export function* iterateUserView(snapshot: Snapshot, view: UserView): Generator<ApiResponse<'users.page'>['rows'][number]> {
  for (const row of iterateRows<UserRowFromSql>(snapshot.db.prepare(userRowsStatement(view)), { pattern: likePattern(view.search), ...WHOLE_VIEW })) yield userRow(row);
}
