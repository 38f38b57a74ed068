import { Link, useLocation } from 'wouter';
import { placeName, useLabels } from '../i18n';
import { REGIONS_QUERY } from '../queries';
import type { Session } from '../session';
import { useQuery } from '../useQuery';
import { viewsOf } from './access';
import { NATION, pathOf, type Route } from './routes';

interface RegionName {
  code: string;
  name: string;
  nameAr: string;
}

/**
 * The navigation by task: the scope (the nation or a region) and the views of it that this
 * session can use, each a link to its own address. A view the role cannot use is not offered.
 */
export function Nav({ route, session }: { route: Route; session: Session }) {
  const { t, lang } = useLabels();
  const [, navigate] = useLocation();
  const [regions] = useQuery<{ regions: RegionName[] }>(REGIONS_QUERY, {}, null);
  const views = viewsOf(session, route.scope);
  return (
    <nav className="views" aria-label={t('navigation')}>
      <label className="scope">
        <span className="visually-hidden">{t('scope')}</span>
        <select
          name="scope"
          value={route.scope}
          onChange={(e) =>
            navigate(pathOf(e.target.value, views.includes(route.view) && route.view !== 'advisor' && route.view !== 'admin' ? route.view : 'overview'))
          }
        >
          <option value={NATION}>{t('nation')}</option>
          {regions.kind === 'done' &&
            regions.data.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {placeName(lang, r)}
              </option>
            ))}
          {regions.kind !== 'done' && route.scope !== NATION && <option value={route.scope}>{route.scope}</option>}
        </select>
      </label>
      <ul>
        {views.map((view) => (
          <li key={view}>
            <Link href={pathOf(route.scope, view)} aria-current={view === route.view ? 'page' : undefined} data-view={view}>
              {t(`views.${view}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
