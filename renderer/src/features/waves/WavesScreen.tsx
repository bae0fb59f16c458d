import { Badge, Body1, Button, Caption1, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { ErrorBar } from '../../app/ErrorBar';
import { PageHeader } from '../../app/PageHeader';
import { formatNumber } from '../../app/format';
import { ActorField } from '../wizard/ActorField';
import { NewWaveDialog } from './NewWaveDialog';
import { WaveDetail } from './WaveDetail';
import { WAVE_STATE_LABELS, useWavesStore } from './wavesStore';

const useStyles = makeStyles({
  page: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}` },
  body: { flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '240px minmax(0, 1fr)', gridTemplateRows: 'minmax(0, 1fr)', gap: tokens.spacingHorizontalL },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflow: 'auto' },
  wave: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  waveText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  empty: { margin: 'auto', textAlign: 'center', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'center' },
});

const LEAD =
  'Users move in waves, a pilot first. Their devices move with them; userless and DEM-enrolled devices do not, and need the remediation shown.';

/** The pilot and later waves: users chosen by filters, the devices that move with them, and each wave's checklist and state. */
export function WavesScreen() {
  const styles = useStyles();
  const { waves, selectedId, select, error, dismissError } = useWavesStore();
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void useWavesStore.getState().load();
  }, []);

  const selected = waves?.find((wave) => wave.id === selectedId) ?? null;
  return (
    <section className={styles.page} aria-labelledby="waves-title" data-testid="waves">
      <PageHeader id="waves-title" title="Waves" lead={LEAD}>
        <ActorField />
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
          New wave…
        </Button>
      </PageHeader>
      {error && <ErrorBar message={error} onDismiss={dismissError} />}
      {waves === null ? (
        <Spinner label="Loading the waves…" />
      ) : waves.length === 0 ? (
        <div className={styles.empty}>
          <Text size={500} weight="semibold">
            No waves yet
          </Text>
          <Body1>Start with a pilot wave of a few users whose devices you can check.</Body1>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
            Create the pilot wave
          </Button>
        </div>
      ) : (
        <div className={styles.body}>
          <nav aria-label="Waves">
            <ul className={styles.list}>
              {waves.map((wave) => (
                <li key={wave.id}>
                  <Button
                    appearance="subtle"
                    className={mergeClasses(styles.wave, wave.id === selectedId && styles.selected)}
                    aria-current={wave.id === selectedId ? 'true' : undefined}
                    onClick={() => select(wave.id)}
                  >
                    <span className={styles.waveText}>
                      <Text weight="semibold">
                        {wave.name} {wave.isPilot && <Badge size="small" appearance="tint" color="brand">Pilot</Badge>}
                      </Text>
                      <Caption1>
                        {WAVE_STATE_LABELS[wave.state]} · {formatNumber(wave.userCount)} users
                      </Caption1>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </nav>
          {selected && <WaveDetail key={selected.id} wave={selected} />}
        </div>
      )}
      {creating && <NewWaveDialog hasPilot={waves?.some((wave) => wave.isPilot) ?? false} onClose={() => setCreating(false)} />}
    </section>
  );
}
