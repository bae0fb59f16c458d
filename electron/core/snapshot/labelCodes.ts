/** Labels coded per column at most; a column's further values are bound as text. */
const MAX_CODES = 16;

/**
 * One column's labels, coded in the order they first appear, for a bulk INSERT that binds a
 * small number where a column repeats a few values (ownership, compliance, OS…) and turns it
 * back into the text in SQL (see `sql`). Binding a string costs better-sqlite3 a UTF-8
 * conversion and two copies, a number next to nothing; most columns of a device export are
 * such labels. The texts are bound as parameters of the statement, once per statement.
 */
export class LabelCodes {
  private readonly labels: string[] = [];

  /** `added` runs when a label gets a code, which changes `sql` and `texts`. */
  constructor(private readonly added: () => void) {}

  /**
   * The code of `text.slice(start, end)` (not empty), compared in place; a new label gets the
   * next code while there are codes left, otherwise -1: bind the text.
   */
  codeOf(text: string, start: number, end: number): number {
    const labels = this.labels;
    // In the order of first appearance, which tends to put a column's commonest labels first.
    for (let code = 0; code < labels.length; code++) if (sameText(labels[code]!, text, start, end)) return code;
    if (labels.length === MAX_CODES) return -1;
    labels.push(text.slice(start, end));
    this.added();
    return labels.length - 1;
  }

  /** The texts, in code order: the values of the `?` placeholders `sql` writes. */
  get texts(): readonly string[] {
    return this.labels;
  }

  /** SQL for the value of `column`: a code's text, anything else (text, null) as it is. */
  sql(column: string): string {
    if (this.labels.length === 0) return column;
    return `CASE ${column} ${this.labels.map((_, code) => `WHEN ${code} THEN ?`).join(' ')} ELSE ${column} END`;
  }
}

/** `label` is `text.slice(start, end)`. */
function sameText(label: string, text: string, start: number, end: number): boolean {
  if (label.length !== end - start) return false;
  for (let at = 0; at < label.length; at++) if (label.charCodeAt(at) !== text.charCodeAt(start + at)) return false;
  return true;
}
