import { Body1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  heading: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  intro: { flex: 1, minWidth: '320px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  lead: { color: tokens.colorNeutralForeground2, maxWidth: '760px', margin: 0 },
  tools: { marginLeft: 'auto', display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

/** A page's h1 and one-paragraph lead, with its tools (fields, buttons) on the right. */
export function PageHeader({ id, title, lead, children }: { id: string; title: string; lead: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.heading}>
      <div className={styles.intro}>
        <Title3 as="h1" id={id} block>
          {title}
        </Title3>
        <Body1 as="p" block className={styles.lead}>
          {lead}
        </Body1>
      </div>
      {children && <div className={styles.tools}>{children}</div>}
    </div>
  );
}
