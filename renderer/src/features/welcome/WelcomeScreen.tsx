import { Body1, Button, Caption1, Card, CardHeader, Spinner, Subtitle2, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, BeakerRegular, DocumentRegular, FolderOpenRegular, HistoryRegular } from '@fluentui/react-icons';
import { formatDate } from '../../app/format';
import { useSnapshotStore } from '../snapshot/snapshotStore';

const useStyles = makeStyles({
  page: { overflow: 'auto', flex: 1 },
  content: { maxWidth: '1040px', margin: '0 auto', padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}` },
  intro: { marginBottom: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  lead: { color: tokens.colorNeutralForeground2, maxWidth: '720px' },
  actions: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalXXL },
  actionCard: { height: '100%' },
  actionIcon: { fontSize: '28px', color: tokens.colorBrandForeground1 },
  actionBody: { color: tokens.colorNeutralForeground2, minHeight: '60px' },
  recentList: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalM },
  recentItem: {
    display: 'grid',
    gridTemplateColumns: '24px 1fr auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    textAlign: 'left',
    justifyContent: 'stretch',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    width: '100%',
  },
  recentMeta: { color: tokens.colorNeutralForeground3 },
  sectionHeading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  empty: { color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalM },
});

export function WelcomeScreen({ onNewSnapshot }: { onNewSnapshot: () => void }) {
  const styles = useStyles();
  const { recent, busy, openDemo, openWithDialog, openRecent } = useSnapshotStore();
  return (
    <div className={styles.page}>
      <div className={styles.content}>
        <section className={styles.intro}>
          <Title2 as="h1">Move a hybrid MDM tenant to Intune standalone</Title2>
          <Body1 className={styles.lead}>
            Keep one offline snapshot per engagement, run the migration as a guided wizard, and see what will not migrate cleanly —
            userless devices, category-bound devices, licences, collections and Apple tokens — with the fix for each.
          </Body1>
        </section>

        <section className={styles.actions} aria-label="Start">
          <Card className={styles.actionCard}>
            <CardHeader image={<BeakerRegular className={styles.actionIcon} />} header={<Subtitle2 as="h2">Open the demo tenant</Subtitle2>} />
            <Body1 className={styles.actionBody}>A realistic hybrid tenant with every problem the brief describes. Nothing you do here touches customer data.</Body1>
            <Button appearance="primary" onClick={() => void openDemo()} disabled={busy !== null} icon={busy === 'demo' ? <Spinner size="tiny" /> : undefined}>
              {busy === 'demo' ? 'Preparing the demo tenant…' : 'Open the demo tenant'}
            </Button>
          </Card>
          <Card className={styles.actionCard}>
            <CardHeader image={<AddRegular className={styles.actionIcon} />} header={<Subtitle2 as="h2">New snapshot from exports</Subtitle2>} />
            <Body1 className={styles.actionBody}>Start an engagement: name the customer, choose where the .mdmsnap file lives, then import the exports you have.</Body1>
            <Button onClick={onNewSnapshot} disabled={busy !== null}>
              New snapshot…
            </Button>
          </Card>
          <Card className={styles.actionCard}>
            <CardHeader image={<FolderOpenRegular className={styles.actionIcon} />} header={<Subtitle2 as="h2">Open a snapshot</Subtitle2>} />
            <Body1 className={styles.actionBody}>Continue an engagement from a .mdmsnap file, on this laptop or one a colleague handed over.</Body1>
            <Button onClick={() => void openWithDialog()} disabled={busy !== null}>
              Open…
            </Button>
          </Card>
        </section>

        <section aria-labelledby="recent-heading">
          <h2 className={styles.sectionHeading} id="recent-heading">
            <HistoryRegular fontSize={20} aria-hidden />
            <Subtitle2>Recent snapshots</Subtitle2>
          </h2>
          {recent.length === 0 ? (
            <p className={styles.empty}>
              <Body1>Snapshots you open appear here.</Body1>
            </p>
          ) : (
            <div className={styles.recentList} role="list">
              {recent.map((entry) => (
                <div role="listitem" key={entry.path}>
                  <Button
                    appearance="subtle"
                    className={styles.recentItem}
                    disabled={!entry.exists || busy !== null}
                    onClick={() => void openRecent(entry.path)}
                    title={entry.path}
                  >
                    <DocumentRegular fontSize={20} />
                    <span>
                      <Text weight="semibold">{entry.customer || entry.fileName}</Text>
                      <br />
                      <Caption1 className={styles.recentMeta}>{entry.exists ? entry.path : `${entry.path} (missing)`}</Caption1>
                    </span>
                    <Caption1 className={styles.recentMeta}>Opened {formatDate(entry.openedAt)}</Caption1>
                  </Button>
                </div>
              ))}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
