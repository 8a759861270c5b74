import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { redrawOnLanguageChange, t } from '../i18n';

declare global {
  interface HTMLElementTagNameMap {
    'mes-progress-bar': MesProgressBar;
  }
}

/**
 * Where the trainee is in the journey: « Étape n / N », the journey's name, and a progress bar whose
 * value text says it in a sentence for screen readers.
 */
@customElement('mes-progress-bar')
export class MesProgressBar extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: 'Open Sans', system-ui;
      color: #262939;
      line-height: 1.4;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 4px 16px;
      margin: 0 0 6px;
      font-size: 0.875rem;
    }
    .journey {
      font-weight: 700;
      color: #0c419a;
      overflow-wrap: anywhere;
    }
    .count {
      font-weight: 600;
      white-space: nowrap;
    }
    .track {
      height: 8px;
      border-radius: 4px;
      background: #e7ecfa;
      overflow: hidden;
      /* Forced colours drop backgrounds: the border keeps the track visible. */
      border: 1px solid transparent;
    }
    /*
     * The fill is scaled, not sized, and moves without a transition: a transition (even of its transform,
     * in the compositor) starting in the frame that draws a new step asked for one more frame right after
     * it, whose commit waited for the raster of the whole new screen (40 to 60 ms in software), holding the
     * page's thread just when the next press may come.
     */
    .fill {
      height: 100%;
      width: 100%;
      background: #0c419a;
      transform-origin: left;
    }
    @media (forced-colors: active) {
      .fill {
        background: Highlight;
      }
      .track {
        border-color: CanvasText;
      }
    }
  `;

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  /** The current step, from 1. */
  @property({ type: Number }) current = 1;
  @property({ type: Number }) total = 1;
  /** The journey's name, already translated. */
  @property() journey = '';

  protected override render(): TemplateResult {
    const total = Math.max(1, Math.floor(Number.isFinite(this.total) ? this.total : 1));
    const current = Math.min(total, Math.max(1, Math.floor(Number.isFinite(this.current) ? this.current : 1)));
    const values = { current, total, journey: this.journey };
    const valueText = this.journey
      ? t('tutorial:progress.valueText', values)
      : t('tutorial:progress.valueTextNoJourney', values);
    return html`
      <div class="row">
        ${this.journey ? html`<span class="journey">${this.journey}</span>` : nothing}
        <span class="count">${t('tutorial:progress.count', values)}</span>
      </div>
      <div
        class="track"
        role="progressbar"
        aria-label=${t('tutorial:progress.label')}
        aria-valuemin="1"
        aria-valuemax=${total}
        aria-valuenow=${current}
        aria-valuetext=${valueText}
      >
        <div class="fill" style="transform: scaleX(${current / total})"></div>
      </div>
    `;
  }
}
