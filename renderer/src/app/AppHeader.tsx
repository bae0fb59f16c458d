import { Badge, Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, InfoRegular, MoreHorizontalRegular, WeatherMoonRegular, WeatherSunnyRegular, ShieldTaskRegular } from '@fluentui/react-icons';
import { useSnapshotStore } from '../features/snapshot/snapshotStore';
import { formatDate } from './format';
import { useThemeStore } from './themeStore';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    height: '48px',
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexShrink: 0,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  snapshot: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginLeft: tokens.spacingHorizontalXL, minWidth: 0 },
  fileName: { color: tokens.colorNeutralForegroundOnBrand, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  spacer: { flex: 1 },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
});

export function AppHeader({ onNewSnapshot, onAbout }: { onNewSnapshot: () => void; onAbout: () => void }) {
  const styles = useStyles();
  const current = useSnapshotStore((state) => state.current);
  const close = useSnapshotStore((state) => state.close);
  const { theme, toggle } = useThemeStore();
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <ShieldTaskRegular fontSize={22} aria-hidden />
        <Text weight="semibold" size={400} className={styles.onBrand}>
          MDM Migration Assistant
        </Text>
      </div>
      {current && (
        <div className={styles.snapshot} data-testid="header-snapshot">
          <Text className={styles.fileName} title={current.path}>
            {current.customer || current.fileName}
          </Text>
          {current.isDemo && (
            <Badge appearance="filled" color="warning">
              Demo data
            </Badge>
          )}
          <Badge appearance="tint" color="informative">
            Data as of {current.dataAsOf ? formatDate(current.dataAsOf) : 'unknown'}
          </Badge>
        </div>
      )}
      <div className={styles.spacer} />
      <Tooltip content={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'} relationship="label">
        <Button appearance="transparent" className={styles.onBrand} icon={theme === 'dark' ? <WeatherSunnyRegular /> : <WeatherMoonRegular />} onClick={toggle} />
      </Tooltip>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Tooltip content="More" relationship="label">
            <Button appearance="transparent" className={styles.onBrand} icon={<MoreHorizontalRegular />} />
          </Tooltip>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={onNewSnapshot}>New snapshot…</MenuItem>
            {current && (
              <MenuItem icon={<DismissRegular />} onClick={() => void close()}>
                Close snapshot
              </MenuItem>
            )}
            <MenuItem icon={<InfoRegular />} onClick={onAbout}>
              About
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
    </header>
  );
}
