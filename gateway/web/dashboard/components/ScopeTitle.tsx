import type { ReactNode } from 'react';
import { placeName, useLabels } from '../i18n';

/** A view's heading: the task, and the region it is about (its Arabic name in Arabic), or the nation. */
export function ScopeTitle({
  view,
  region,
  children,
}: {
  view: string;
  region?: { code: string; name: string; nameAr: string; isPilot?: boolean } | null;
  children?: ReactNode;
}) {
  const { t, lang } = useLabels();
  return (
    <h2 className="view-title">
      {view}
      {' — '}
      {region ? placeName(lang, region) : t('nation')}{' '}
      {region && (
        <small>
          ({region.code}
          {region.isPilot ? ` · ★ ${t('pilotRegion')}` : ''})
        </small>
      )}
      {children}
    </h2>
  );
}
