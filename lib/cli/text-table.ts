/**
 * Left-aligned columns separated by two spaces. Cells are made printable first: names and
 * descriptions come from a capture, and a control character there must not drive the terminal.
 */

// C0 and C1 control characters, DEL included (an ESC starts a terminal escape sequence).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

export function textTable(headers: string[], rows: string[][]): string[] {
  const cells = [headers, ...rows].map((row) => row.map(printable));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
