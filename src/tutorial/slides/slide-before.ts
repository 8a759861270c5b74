import { css, html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { SlideElement } from './slide-element';
import { slideStyles } from './slide-styles';

const STEPS = ['notification', 'activation', 'discovery'] as const;
type StepName = (typeof STEPS)[number];

/** Own pictograms (decorative: each step's text says it all). */
const stepIcons: Record<StepName, TemplateResult> = {
  notification: html`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    <rect x="5" y="11" width="38" height="27" rx="3" fill="#fff" stroke="currentColor" stroke-width="3" />
    <path d="M6 13l18 14 18-14" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" />
    <circle cx="39" cy="12" r="6" fill="#D81E7E" />
  </svg>`,
  activation: html`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    <rect x="5" y="8" width="38" height="25" rx="3" fill="#fff" stroke="currentColor" stroke-width="3" />
    <path d="M18 40h12M24 33v7" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
    <path d="M16 21l5 5 11-11" fill="none" stroke="#D81E7E" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round" />
  </svg>`,
  discovery: html`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    <rect x="9" y="5" width="30" height="38" rx="3" fill="#fff" stroke="currentColor" stroke-width="3" />
    <path d="M24 29s-8-4.6-8-10a4.4 4.4 0 0 1 8-2.4 4.4 4.4 0 0 1 8 2.4c0 5.4-8 10-8 10z" fill="#D81E7E" />
    <path d="M16 36h16" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
  </svg>`,
};

/** T3 « Avant de commencer » / « Comment activer Mon espace santé ? »: the three steps. */
@customElement('mes-slide-before')
export class MesSlideBefore extends SlideElement {
  static override styles = [
    slideStyles,
    css`
      h2 {
        color: var(--slide-primary);
        font-size: 1.5em;
        margin-bottom: 0.6em;
      }
      .steps {
        list-style: none;
        margin: 1.2em 0;
        padding: 0;
        display: grid;
        grid-template-columns: 1fr;
        gap: 1em;
      }
      .step {
        position: relative;
        display: flex;
        flex-direction: column;
        align-items: center;
        text-align: center;
        gap: 0.6em;
        padding: 1.2em 1em 1em;
        background: var(--slide-bg);
        border-radius: 12px;
      }
      .icon {
        color: var(--slide-primary);
        width: 4em;
        height: 4em;
      }
      .icon svg {
        width: 100%;
        height: 100%;
      }
      .number {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 2em;
        height: 2em;
        border-radius: 50%;
        background: var(--slide-secondary);
        color: #fff;
        font-weight: 700;
        font-size: 1.2em;
      }
      .step p {
        margin: 0;
        color: var(--slide-title);
        font-weight: 600;
      }
      .nb {
        font-style: italic;
      }
      @media (min-width: 768px) and (min-height: 460px) {
        .steps {
          grid-template-columns: repeat(3, 1fr);
          gap: 2.2em;
        }
        /* Arrows between the steps, as on the seed's slide. */
        .step:not(:last-child)::after {
          content: '';
          position: absolute;
          right: -1.7em;
          top: 50%;
          border: 0.6em solid transparent;
          border-left: 0.9em solid var(--slide-primary);
          transform: translateY(-50%);
        }
      }
    `,
  ];

  override render() {
    return html`<div class="stage">
      <article class="slide" aria-labelledby="title">
        <div class="content">
          <h1 id="title" tabindex="-1">${t('slides:before.title')}</h1>
          <hr class="rule" />
          <h2>${t('slides:before.heading')}</h2>
          <p>${t('slides:before.intro')}</p>
          <ol class="steps">
            ${STEPS.map(
              (step, i) => html`<li class="step">
                <span class="icon">${stepIcons[step]}</span>
                <span class="number" aria-hidden="true">${i + 1}</span>
                <span class="visually-hidden">${t('slides:before.stepLabel', { n: i + 1 })}</span>
                <p>${t(`slides:before.steps.${step}`)}</p>
              </li>`,
            )}
          </ol>
          <p class="nb">${t('slides:before.nb')}</p>
        </div>
      </article>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-slide-before': MesSlideBefore;
  }
}
