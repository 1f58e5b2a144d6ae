// The one CSV writer of every export (task results, backers, survey responses), on csv-stringify: fields are
// quoted when they hold a comma, a quote or a line break, and text a spreadsheet would run as a formula is defused.
import { stringify } from 'csv-stringify/sync';

/** What a cell may hold: text, a number, a date (written as ISO 8601), or nothing (an empty cell). */
export type CsvValue = string | number | bigint | Date | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (with their full-width forms, which some apps fold). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A cell that is only a number: `-500`, `+3`, `-12.50`, `1e-3`. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Defuses text a spreadsheet would run as a formula (OWASP "CSV injection"): a cell starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'`. A cell that is purely a number (`-500`, `+3`, `-12.50`) is
 * left alone: a spreadsheet reads it as that number and runs nothing, and an apostrophe would turn an amount into
 * text that no longer adds up.
 * @example neutraliseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example neutraliseFormula('-500') // '-500'
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** The line ending after every record, the last included; default `\n`. */
  eol?: '\n' | '\r\n';
  /** Starts with a UTF-8 byte order mark (spreadsheets then read accents right); default false. */
  bom?: boolean;
}

/**
 * Records as CSV text, each ended by `eol`; call it once per page to stream a large export.
 * @example csvRows([['id', 'answer'], ['i1', '=1+1'], ['i2', -5]]) // "id,answer\ni1,'=1+1\ni2,-5\n"
 */
export function csvRows(rows: readonly (readonly CsvValue[])[], opts: CsvOptions = {}): string {
  return stringify(rows as unknown[][], {
    record_delimiter: opts.eol ?? '\n',
    bom: opts.bom ?? false,
    eof: true,
    cast: {
      string: neutraliseFormula,
      // A number is written as it is (never defused: see neutraliseFormula).
      number: (n) => String(n),
      bigint: (n) => String(n),
      date: (d) => d.toISOString(),
    },
  });
}
