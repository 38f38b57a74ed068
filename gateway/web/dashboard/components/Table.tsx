import type { ReactNode } from 'react';

/**
 * A table of the dashboard: its column headings, its rows, and a box of its own that scrolls
 * sideways when the table is wider than the screen (the page never does).
 */
export function Table({ columns, children, testid, className }: { columns: ReactNode[]; children: ReactNode; testid?: string; className?: string }) {
  return (
    <div className="scroll">
      <table data-testid={testid} className={className}>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i}>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
