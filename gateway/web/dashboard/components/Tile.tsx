import type { ReactNode } from 'react';
import { Link } from 'wouter';

/** A figure of an overview: its label and its value; a link when the detail is one click away. */
export function Tile({ label, value, testid, href }: { label: ReactNode; value: ReactNode; testid?: string; href?: string }) {
  const content = (
    <>
      <span>{label}</span>
      <strong data-testid={testid}>{value}</strong>
    </>
  );
  return href ? (
    <Link className="tile" href={href}>
      {content}
    </Link>
  ) : (
    <div className="tile">{content}</div>
  );
}
