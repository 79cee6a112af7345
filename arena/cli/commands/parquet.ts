import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Column, Table } from '../../../metrics/export/columns.js';
import { PACKAGE_VERSION } from '../version.js';

const TYPES = { string: 'STRING', int64: 'INT64', float64: 'DOUBLE', bool: 'BOOLEAN' } as const;

function cells(table: Table, column: Column): unknown[] {
  return table.rows.map((row) => {
    const v = row[column.name] ?? null;
    return column.type === 'int64' && typeof v === 'number' ? BigInt(v) : v;
  });
}

/** A table as a Parquet file (typed columns, nulls where a column allows them). */
export async function writeParquet(table: Table): Promise<Uint8Array> {
  const buffer = parquetWriteBuffer({
    columnData: table.columns.map((c) => ({ name: c.name, data: cells(table, c), type: TYPES[c.type], nullable: c.nullable === true })),
    createdBy: `game-arena ${PACKAGE_VERSION}`,
  });
  return new Uint8Array(buffer);
}
