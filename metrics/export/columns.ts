/** A column of an exported table: its name, type (as a dataset card states it) and meaning. */
export interface Column {
  readonly name: string;
  readonly type: 'string' | 'int64' | 'float64' | 'bool';
  readonly nullable?: boolean;
  readonly doc: string;
}

export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

/** A table to write: its columns in order and the rows (every row has every column). */
export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}
