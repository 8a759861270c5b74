import { LitElement, css, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { currentLanguage, redrawOnLanguageChange, t } from '../i18n';
import { tokens } from '../site/screens/styles';
import { PASS_MARK } from './score';
import type { SituationStats } from './stats';
import { deskStyles } from './styles';
import { stepText } from './text';

/**
 * One situation on the results page, for the trainer: the scores of its calls over time (a line, the
 * pass mark dashed) and the steps most often got wrong (bars). Inline SVG, no library; each drawing is
 * an image whose description is the table of its data, shown under it.
 */

const W = 440;
const SCORE_H = 220;
const M = { top: 14, right: 16, bottom: 38, left: 44 };
const ROW = 32;
const LABEL_W = 200;

/** A label cut to fit the drawing; the table under it has the whole text. */
function clip(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

@customElement('mes-call-chart')
export class MesCallChart extends LitElement {
  static override styles = [
    tokens,
    deskStyles,
    css`
      figure {
        margin: 0;
      }
      figcaption {
        font-weight: 700;
        color: var(--mes-title);
        margin: 0 0 8px;
        font-size: 1.0625rem;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
        gap: 16px;
      }
      .chart h3 {
        margin: 0 0 4px;
        font-size: 0.9375rem;
      }
      svg {
        display: block;
        width: 100%;
        height: auto;
        background: #fff;
        border: 1px solid var(--mes-bg-alt);
        border-radius: 8px;
      }
      details {
        margin-top: 8px;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--mes-primary);
      }
      .none {
        margin: 0;
        padding: 12px;
        background: #fff;
        border: 1px solid var(--mes-bg-alt);
        border-radius: 8px;
      }
    `,
  ];

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @property({ attribute: false }) stats!: SituationStats;

  private date(iso: string): string {
    return new Date(iso).toLocaleString(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  }

  private scoresSvg(): SVGTemplateResult {
    const points = this.stats.points;
    const plotW = W - M.left - M.right;
    const plotH = SCORE_H - M.top - M.bottom;
    const x = (i: number) => M.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
    const y = (score: number) => M.top + plotH - (score / 100) * plotH;
    const grid = [0, 25, 50, 75, 100];
    const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
    return svg`
      ${grid.map(
        (g) => svg`<line x1=${M.left} x2=${W - M.right} y1=${y(g)} y2=${y(g)} stroke="#e7ecfa" stroke-width="1" />
          <text x=${M.left - 8} y=${y(g) + 4} text-anchor="end" font-size="14" fill="#495574">${g}</text>`,
      )}
      <line x1=${M.left} x2=${W - M.right} y1=${y(PASS_MARK)} y2=${y(PASS_MARK)} stroke="#1e7b6f" stroke-width="2" stroke-dasharray="6 4" />
      <text x=${W - M.right} y=${y(PASS_MARK) - 6} text-anchor="end" font-size="14" fill="#1e7b6f">${t('calls:chart.passMark', { pass: String(PASS_MARK) })}</text>
      ${points.length > 1 ? svg`<polyline points=${line} fill="none" stroke="#0c419a" stroke-width="2.5" />` : nothing}
      ${points.map(
        (p, i) => svg`<circle cx=${x(i)} cy=${y(p.score)} r="6" fill=${p.passed ? '#0c419a' : '#fff'} stroke=${p.passed ? '#0c419a' : '#b3303f'} stroke-width="2.5" />
          <text x=${x(i)} y=${SCORE_H - M.bottom + 20} text-anchor="middle" font-size="14" fill="#495574">${i + 1}</text>`,
      )}
      <text x=${M.left + plotW / 2} y=${SCORE_H - 4} text-anchor="middle" font-size="14" fill="#262939">${t('calls:chart.attempts')}</text>
    `;
  }

  private wrongSvg(height: number): SVGTemplateResult {
    const wrong = this.stats.wrong;
    const max = Math.max(1, ...wrong.map((w) => w.calls));
    const barW = W - LABEL_W - M.right - 30;
    return svg`${wrong.map((w, i) => {
      const top = 8 + i * ROW;
      const len = Math.max(4, (w.calls / max) * barW);
      return svg`<text x=${LABEL_W - 8} y=${top + 20} text-anchor="end" font-size="14" fill="#262939">${clip(stepText(w.step), 26)}</text>
        <rect x=${LABEL_W} y=${top + 4} width=${len} height=${ROW - 10} rx="4" fill="#d81e7e" />
        <text x=${LABEL_W + len + 6} y=${top + 20} font-size="14" font-weight="700" fill="#262939">${w.calls}</text>`;
    })}
    <line x1=${LABEL_W} x2=${LABEL_W} y1="4" y2=${height - 4} stroke="#495574" stroke-width="1" />`;
  }

  override render(): TemplateResult | typeof nothing {
    const s = this.stats;
    if (!s) return nothing;
    const wrongH = Math.max(1, s.wrong.length) * ROW + 16;
    return html`<figure aria-labelledby="caption">
      <figcaption id="caption">${s.callTitle}</figcaption>
      <div class="charts">
        <div class="chart">
          <h3 id="scores-title">${t('calls:chart.scoresTitle')}</h3>
          <svg viewBox="0 0 ${W} ${SCORE_H}" role="img" aria-labelledby="scores-title" aria-describedby="scores-summary scores-table">
            ${this.scoresSvg()}
          </svg>
          <p id="scores-summary" class="visually-hidden">
            ${t('calls:chart.scoresSummary', {
              count: s.points.length,
              last: String(s.points[s.points.length - 1]?.score ?? 0),
              best: String(Math.max(...s.points.map((p) => p.score))),
            })}
          </p>
        </div>
        <div class="chart">
          <h3 id="wrong-title">${t('calls:chart.wrongTitle')}</h3>
          ${s.wrong.length === 0
            ? html`<p class="none">${t('calls:chart.noWrong')}</p>`
            : html`<svg viewBox="0 0 ${W} ${wrongH}" role="img" aria-labelledby="wrong-title" aria-describedby="wrong-summary wrong-table">
                  ${this.wrongSvg(wrongH)}
                </svg>
                <p id="wrong-summary" class="visually-hidden">
                  ${s.wrong.map((w) => t('calls:chart.wrongItem', { label: stepText(w.step), count: w.calls })).join(' ; ')}
                </p>`}
        </div>
      </div>
      <details>
        <summary>${t('calls:chart.data')}</summary>
        <table id="scores-table">
          <caption>${t('calls:chart.scoresTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('calls:chart.attempt')}</th>
              <th scope="col">${t('calls:chart.date')}</th>
              <th scope="col">${t('calls:chart.score')}</th>
              <th scope="col">${t('calls:chart.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            ${s.points.map(
              (p, i) => html`<tr>
                <th scope="row">${i + 1}</th>
                <td>${this.date(p.endedAt)}</td>
                <td>${p.score}</td>
                <td>${t(p.passed ? 'calls:debrief.passed' : 'calls:debrief.failed')} — ${t(p.resolved ? 'calls:debrief.resolved' : 'calls:debrief.unresolved')}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${s.wrong.length === 0
          ? nothing
          : html`<table id="wrong-table">
              <caption>${t('calls:chart.wrongTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('calls:chart.step')}</th>
                  <th scope="col">${t('calls:chart.calls')}</th>
                </tr>
              </thead>
              <tbody>
                ${s.wrong.map((w) => html`<tr><th scope="row">${stepText(w.step)}</th><td>${w.calls}</td></tr>`)}
              </tbody>
            </table>`}
      </details>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-call-chart': MesCallChart;
  }
}
