import { Body1, Card, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { CircleRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXXL, overflow: 'auto' },
  lead: { color: tokens.colorNeutralForeground2, maxWidth: '760px', margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXL}` },
  card: { maxWidth: '760px' },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  icon: { color: tokens.colorNeutralForeground3 },
});

/** A section of the navigation frame whose screens arrive in a later release; says what will be here. */
export function PlannedSection({ title, description, items }: { title: string; description: string; items: string[] }) {
  const styles = useStyles();
  return (
    <section className={styles.page} aria-labelledby="planned-title">
      <Title3 as="h1" id="planned-title">
        {title}
      </Title3>
      <Body1 as="p" className={styles.lead}>
        {description}
      </Body1>
      <Card className={styles.card}>
        <Subtitle2 as="h2">Not in this version yet</Subtitle2>
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item} className={styles.item}>
              <CircleRegular className={styles.icon} aria-hidden />
              <Body1>{item}</Body1>
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
