import { Badge, Body1, Button, Caption1, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { AppsListRegular, ArrowImportRegular, BuildingRegular, PeopleRegular, PhoneLaptopRegular, ShieldKeyholeRegular, TagRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import type { SnapshotOverview } from '../../../../electron/contract/api';
import { daysBetween, formatDate, formatNumber } from '../../app/format';
import { useImportStore } from '../import/importStore';
import { useOverviewStore } from './overviewStore';

const useStyles = makeStyles({
  page: { flex: 1, minHeight: 0, padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`, overflow: 'auto' },
  heading: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL, flexWrap: 'wrap' },
  subtle: { color: tokens.colorNeutralForeground3 },
  importButton: { marginLeft: 'auto' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: tokens.spacingHorizontalL },
  wide: { gridColumn: 'span 2' },
  metric: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  barRow: { display: 'grid', gridTemplateColumns: '140px 1fr 72px', alignItems: 'center', gap: tokens.spacingHorizontalS },
  barTrack: { height: '10px', backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusMedium, overflow: 'hidden' },
  barFill: { height: '100%', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusMedium },
  count: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  icon: { fontSize: '20px', color: tokens.colorBrandForeground1 },
});

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map(([term, detail]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

function Bars({ rows, total, label }: { rows: SnapshotOverview['devices']['byPlatform']; total: number; label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.bars} role="table" aria-label={label}>
      {rows.map((row) => (
        <div key={row.key} className={styles.barRow} role="row">
          <Body1 role="rowheader">{row.label}</Body1>
          <div className={styles.barTrack} aria-hidden>
            <div className={styles.barFill} style={{ width: `${total ? (row.count / total) * 100 : 0}%` }} />
          </div>
          <Body1 className={styles.count} role="cell">
            {formatNumber(row.count)}
          </Body1>
        </div>
      ))}
    </div>
  );
}

/**
 * Counted on the real clock, not the data date: a certificate that was fine when the export was
 * taken may have lapsed since, and Apple's 30-day grace period after expiry runs in real time too.
 */
function ExpiryBadge({ expiresAt }: { expiresAt: string | null }) {
  if (!expiresAt) return <Badge color="danger">Expiry unknown</Badge>;
  const days = daysBetween(new Date().toISOString(), expiresAt);
  const color = days < 30 ? 'danger' : days < 90 ? 'warning' : 'success';
  const text = days >= 0 ? `${formatNumber(days)} days left` : days >= -30 ? `Expired ${-days} days ago: renew within the 30-day grace period` : `Expired ${formatNumber(-days)} days ago`;
  return <Badge color={color} appearance="tint">{text}</Badge>;
}

export function OverviewScreen() {
  const styles = useStyles();
  const { overview, error, load } = useOverviewStore();
  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!overview) return <Spinner label="Reading the snapshot…" />;
  const { summary, devices, users, tenant, appleTokens } = overview;

  return (
    <section className={styles.page} aria-labelledby="overview-title" data-testid="overview">
      <div className={styles.heading}>
        <Title3 as="h1" id="overview-title">
          {summary.customer || summary.fileName}
        </Title3>
        <Caption1 className={styles.subtle}>
          {summary.fileName} · schema v{summary.schemaVersion} · data as of {summary.dataAsOf ? formatDate(summary.dataAsOf) : 'unknown'}
        </Caption1>
        <Button className={styles.importButton} icon={<ArrowImportRegular />} onClick={() => void useImportStore.getState().choose()}>
          Import exports…
        </Button>
      </div>
      <div className={styles.grid}>
        <Card>
          <CardHeader image={<PhoneLaptopRegular className={styles.icon} />} header={<Subtitle2 as="h2">Devices</Subtitle2>} />
          <Text className={styles.metric} data-testid="device-total">
            {formatNumber(devices.total)}
          </Text>
          <Facts
            rows={[
              ['Without a primary user', formatNumber(devices.withoutPrimaryUser)],
              ['With a device category', formatNumber(devices.withCategory)],
              ['Sources name different primary users', formatNumber(devices.ownerConflicts)],
              ['Outside MDM (ActiveSync-only, ConfigMgr PC clients)', formatNumber(devices.outsideMdmScope)],
            ]}
          />
        </Card>
        <Card>
          <CardHeader image={<PeopleRegular className={styles.icon} />} header={<Subtitle2 as="h2">Users</Subtitle2>} />
          <Text className={styles.metric} data-testid="user-total">
            {formatNumber(users.total)}
          </Text>
          <Facts
            rows={[
              ['Found in Entra ID', formatNumber(users.inEntra)],
              ['Device enrollment managers', formatNumber(users.demAccounts)],
            ]}
          />
        </Card>
        <Card>
          <CardHeader image={<BuildingRegular className={styles.icon} />} header={<Subtitle2 as="h2">Tenant</Subtitle2>} />
          <Facts
            rows={[
              ['Tenant', tenant.name],
              ['MDM authority', tenant.mdmAuthority === 'sccm' ? 'Configuration Manager (hybrid)' : tenant.mdmAuthority],
              ['ConfigMgr site', tenant.cmSiteCode ? `${tenant.cmSiteCode} (version ${tenant.cmVersion ?? 'unknown'})` : null],
              ['Intune subscription collection', tenant.subscriptionCollectionId ? `${tenant.subscriptionCollectionName ?? ''} (${tenant.subscriptionCollectionId})` : null],
              ['Planned switch', overview.plannedSwitchDate ? formatDate(overview.plannedSwitchDate) : 'not planned yet'],
            ]}
          />
        </Card>
        <Card className={styles.wide}>
          <CardHeader header={<Subtitle2 as="h2">Devices by platform</Subtitle2>} />
          <Bars rows={devices.byPlatform} total={devices.total} label="Devices by platform" />
        </Card>
        <Card>
          <CardHeader header={<Subtitle2 as="h2">Devices by source</Subtitle2>} description={<Caption1>A device seen in several exports counts once per export.</Caption1>} />
          <Bars rows={devices.bySource} total={devices.total} label="Devices by source" />
        </Card>
        <Card>
          <CardHeader image={<ShieldKeyholeRegular className={styles.icon} />} header={<Subtitle2 as="h2">Apple tokens</Subtitle2>} />
          <Facts
            rows={[
              ['APNs certificate', appleTokens.apnsExpiresAt ? <><span>{formatDate(appleTokens.apnsExpiresAt)}</span> <ExpiryBadge expiresAt={appleTokens.apnsExpiresAt} /></> : 'not imported'],
              ['Apple ID', appleTokens.apnsAppleId ?? 'unknown'],
              ['DEP tokens', formatNumber(appleTokens.depTokens)],
              ['VPP tokens', formatNumber(appleTokens.vppTokens)],
            ]}
          />
        </Card>
        <Card>
          <CardHeader image={<AppsListRegular className={styles.icon} />} header={<Subtitle2 as="h2">Collections</Subtitle2>} />
          <Facts
            rows={[
              ['Collections', formatNumber(overview.collections.total)],
              ['With membership rules', formatNumber(overview.collections.withRules)],
            ]}
          />
        </Card>
        <Card>
          <CardHeader image={<TagRegular className={styles.icon} />} header={<Subtitle2 as="h2">Snapshot</Subtitle2>} />
          <Facts
            rows={[
              ['Device categories', formatNumber(overview.categories)],
              ['Imported files', formatNumber(overview.importBatches)],
              ['Created', `${formatDate(overview.createdAt)} (app ${overview.createdByAppVersion})`],
              ['Schema version', String(summary.schemaVersion)],
            ]}
          />
        </Card>
      </div>
    </section>
  );
}
