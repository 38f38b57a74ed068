import { useMemo } from 'react';
import { Figure } from '../components/Figure';
import { Table } from '../components/Table';
import { Failure, Loading, PartialNotice } from '../components/Notices';
import { ScopeTitle } from '../components/ScopeTitle';
import { ProgrammeForm } from '../forms/ProgrammeForm';
import { formatNumber, formatShare, useLabels } from '../i18n';
import { NATIONAL_PROGRAMMES_QUERY, REGION_PROGRAMMES_QUERY } from '../queries';
import { canReadPeople, type Session } from '../session';
import { useQuery } from '../useQuery';
import { NATION } from '../app/routes';
import { beneficiariesFigure } from './figures';

interface ProgrammesData {
  regions?: Array<{ code: string; name: string; nameAr: string; isPilot: boolean }> | null;
  programmes?: Array<{
    code: string;
    name: string;
    kind: string;
    operator: string;
    startYear: number;
    endYear: number | null;
    isNational: boolean;
    regions: Array<{ code: string }>;
  }> | null;
  region?: {
    code: string;
    name: string;
    nameAr: string;
    isPilot: boolean;
    programmeStats: Array<{
      programme: { code: string; name: string; kind: string };
      beneficiaries: number;
      women: number;
      womenShare: number;
      amountLent: number;
    }> | null;
    advisors: Array<{ id: string; active: boolean; trainedOn: string | null; fullName?: string }> | null;
  } | null;
}

/** The support on offer and who delivers it: the nation's programmes (created here by the national office), or a region's beneficiaries and its advisor network. */
export function ProgrammesView({ scope, session }: { scope: string; session: Session }) {
  const { t, lang } = useLabels();
  const national = scope === NATION;
  const people = canReadPeople(session, scope);
  const [state, retry] = useQuery<ProgrammesData>(
    national ? NATIONAL_PROGRAMMES_QUERY : REGION_PROGRAMMES_QUERY,
    national ? {} : { code: scope, people },
    session.token,
  );
  const beneficiaries = useMemo(() => {
    const stats = state.kind === 'done' ? state.data.region?.programmeStats : null;
    return stats ? beneficiariesFigure(stats, t) : null;
  }, [state, t]);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const { programmes, regions, region } = state.data;
  return (
    <main>
      <ScopeTitle view={t('views.programmes')} region={region} />
      <PartialNotice errors={state.errors} />
      {programmes && (
        <Table columns={[t('programme'), t('operator'), t('period'), t('regions')]} testid="programmes">
          {programmes.map((p) => (
            <tr key={p.code}>
              <td>{p.name}</td>
              <td>{p.operator}</td>
              <td>
                {p.startYear}–{p.endYear ?? ''}
              </td>
              <td>{p.isNational ? t('nation') : p.regions.map((r) => r.code).join(', ')}</td>
            </tr>
          ))}
        </Table>
      )}
      {session.role === 'NATIONAL' && regions && (
        <section className="entries">
          <ProgrammeForm regions={regions} token={session.token} onSaved={retry} />
        </section>
      )}
      {region?.programmeStats && (
        <Table columns={[t('programme'), t('beneficiaries'), t('womenShare'), t('amountLent')]} testid="programmes">
          {region.programmeStats.map((s) => (
            <tr key={s.programme.code}>
              <td>{s.programme.name}</td>
              <td className="num">{formatNumber(lang, s.beneficiaries)}</td>
              <td className="num">{formatShare(lang, s.womenShare)}</td>
              <td className="num">{formatNumber(lang, s.amountLent)}</td>
            </tr>
          ))}
        </Table>
      )}
      {beneficiaries && (
        <section className="charts">
          <Figure spec={beneficiaries} />
        </section>
      )}
      {region?.advisors && (
        <section>
          <h3>
            {t('advisors')} — {formatNumber(lang, region.advisors.filter((a) => a.active).length)} {t('activeCount')}
          </h3>
          {people ? (
            <ul className="advisors" data-testid="advisors">
              {region.advisors.map((a) => (
                <li key={a.id}>
                  {a.fullName} <span className="muted">{a.trainedOn ? `${t('trainedOn')} ${a.trainedOn}` : ''}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('peopleHidden')}</p>
          )}
        </section>
      )}
    </main>
  );
}
