/**
 * A region: its organisation tree (each department with its units indented under it, collapsible),
 * every unit with its disclosures by year and their quality.
 */
import type { DisclosureSummary, RegionSummary, UnitSummary } from '../../store/queries.ts';
import type { Quality } from '../../store/read.ts';
import { type Lang, t } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { Badge } from './common.tsx';

/** Departments open by default up to this many units in the region; closed beyond. */
const OPEN_UP_TO = 200;

export function RegionPage(props: {
  lang: Lang;
  path: string;
  region: RegionSummary;
  disclosures: DisclosureSummary[];
  units: UnitSummary[];
  quality: Map<number, Quality>;
}) {
  const { lang, region, units } = props;
  const byUnit = new Map<string, DisclosureSummary[]>();
  for (const d of props.disclosures) byUnit.set(d.unit, [...(byUnit.get(d.unit) ?? []), d]);
  const children = new Map<number, UnitSummary[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    if (u.parentId !== null && ids.has(u.parentId)) {
      children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
    }
  }
  const top = units.filter((u) => u.parentId === null || !ids.has(u.parentId));
  const open = units.length <= OPEN_UP_TO;
  const departments = children.size;

  const Years = ({ u }: { u: UnitSummary }) => (
    <span class="years">
      {(byUnit.get(u.name) ?? []).map((d) => (
        <span class="year-link">
          <a href={`/d/${d.id}`}>{d.year}</a> <Badge q={props.quality.get(d.id)!} lang={lang} />
        </span>
      ))}
    </span>
  );
  const Unit = ({ u, depth }: { u: UnitSummary; depth: number }) => {
    const below = children.get(u.id) ?? [];
    const line = (
      <>
        <a href={`/u/${u.id}`}>{u.name}</a> <Years u={u} />
      </>
    );
    if (below.length === 0 || depth > 8) return <li data-unit={String(u.id)}>{line}</li>;
    return (
      <li data-unit={String(u.id)} class="department">
        <details open={open}>
          <summary>
            {line} <span class="muted">{t(lang, 'subUnitsCount', { n: below.length })}</span>
          </summary>
          <ul class="tree">
            {below.map((c) => (
              <Unit u={c} depth={depth + 1} />
            ))}
          </ul>
        </details>
      </li>
    );
  };

  return (
    <Page lang={lang} title={region.name} path={props.path}>
      <p>
        <a href={`/r/${encodeURIComponent(region.code)}/totals`}>{t(lang, 'totals')}</a>
      </p>
      <p class="muted">
        {t(lang, 'unitsCount', { n: units.length })}
        {departments > 0 ? ` · ${t(lang, 'departmentsCount', { n: departments })}` : ''}
      </p>
      <ul class="tree" aria-label={t(lang, 'orgTree')}>
        {top.map((u) => (
          <Unit u={u} depth={0} />
        ))}
      </ul>
    </Page>
  );
}
