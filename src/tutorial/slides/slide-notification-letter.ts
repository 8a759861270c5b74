import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { currentLanguage, t } from '../../i18n';
import type { PersonaData } from '../../scenarios/schema';
import { letterContent, type LetterContent } from './notification';
import { noticeStyles } from './notice-styles';
import { SlideElement, rich, wordmark } from './slide-element';
import { slideStyles } from './slide-styles';

const BENEFITS = ['store', 'share', 'exchange'] as const;
type Benefit = (typeof BENEFITS)[number];

/** Own pictograms of the flyer's three benefits (decorative). */
const benefitIcons: Record<Benefit, TemplateResult> = {
  store: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M6 10V7a6 6 0 0 1 12 0v3" fill="none" stroke="currentColor" stroke-width="2" />
    <rect x="4" y="10" width="16" height="11" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
    <circle cx="12" cy="15.5" r="1.8" fill="currentColor" />
  </svg>`,
  share: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <circle cx="6" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2" />
    <circle cx="18" cy="6" r="3" fill="none" stroke="currentColor" stroke-width="2" />
    <circle cx="18" cy="18" r="3" fill="none" stroke="currentColor" stroke-width="2" />
    <path d="M8.7 10.6l6.6-3.2M8.7 13.4l6.6 3.2" stroke="currentColor" stroke-width="2" />
  </svg>`,
  exchange: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M4 5h16v11H9l-5 4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
    <path d="M8 9h8M8 12h5" stroke="currentColor" stroke-width="2" />
  </svg>`,
};

const downloadIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M11 4h2v9.2l3.6-3.6L18 11l-6 6-6-6 1.4-1.4 3.6 3.6zM5 18h14v2H5z" fill="currentColor" />
</svg>`;

/**
 * T5 « La notification de l'utilisateur » by post: what the envelope holds, the flyer, and the
 * notification letter filled with the persona, downloadable as a PDF (her letter, then one per child).
 */
@customElement('mes-slide-notification-letter')
export class MesSlideNotificationLetter extends SlideElement {
  static override styles = [
    slideStyles,
    noticeStyles,
    css`
      .explain .item {
        margin: 0.8em 0 0.3em;
        font-weight: 700;
        color: var(--slide-title);
      }
      .explain .item::before {
        content: '► ';
        color: var(--slide-secondary);
      }
      .download {
        margin-top: 1em;
      }
      .download .btn {
        padding: 0.5em 1.1em;
      }
      .download .hint {
        font-size: 0.85em;
        margin: 0.4em 0 0;
      }
      .status:empty {
        display: none;
      }
      .error {
        color: #c7414f;
        font-weight: 700;
        margin: 0.4em 0 0;
      }
      .docs {
        display: grid;
        grid-template-columns: 1fr;
        gap: 1em;
        padding: 1em;
        border-radius: 12px;
        background: var(--slide-bg-alt);
        font-size: 0.8em;
      }
      .sheet {
        background: #fff;
        box-shadow: 0 2px 10px rgba(38, 41, 57, 0.18);
        padding: 1.4em 1.5em;
      }
      /* The flyer: the service's colours, bold capitals, as the printed leaflet. */
      .flyer {
        border-top: 6px solid var(--slide-secondary);
      }
      .flyer h2 {
        color: var(--slide-primary);
        font-size: 1.15em;
        margin: 0.9em 0 0.5em;
      }
      .flyer .wordmark svg {
        height: 2.6em;
      }
      .benefits {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: 0.7em;
      }
      .benefits li {
        display: grid;
        grid-template-columns: 2.2em 1fr;
        gap: 0 0.6em;
      }
      .benefits svg {
        width: 2.2em;
        height: 2.2em;
        color: var(--slide-secondary);
      }
      .benefits h3 {
        font-size: 0.95em;
        color: var(--slide-primary);
        margin-bottom: 0.2em;
      }
      .benefits p {
        margin: 0;
      }
      .conquest {
        margin-top: 1em;
        font-weight: 700;
        color: var(--slide-title);
      }
      .slogan {
        font-weight: 700;
        color: var(--slide-secondary);
        letter-spacing: 0.03em;
      }
      /* The letter: window-envelope address on the right, as a French administrative letter. */
      .letter {
        color: var(--slide-title);
      }
      .letter-top {
        display: flex;
        justify-content: space-between;
        align-items: flex-start;
        gap: 1em;
      }
      .letter .wordmark svg {
        height: 2.6em;
      }
      .helpline {
        border: 1px solid #8a94b0;
        border-radius: 6px;
        padding: 0.2em 0.6em;
        text-align: center;
        font-size: 0.85em;
      }
      .helpline strong {
        display: block;
        font-size: 1.3em;
        color: var(--slide-primary);
      }
      .beneficiary {
        margin: 1em 0 0.6em;
        font-size: 0.9em;
      }
      .recipient {
        font-style: normal;
        margin: 0.4em 0 0.8em auto;
        width: fit-content;
        min-width: 55%;
        line-height: 1.4;
      }
      .date {
        text-align: right;
      }
      .letter-heading {
        font-size: 1em;
        color: var(--slide-primary);
        margin: 1em 0 0.8em;
      }
      .letter-heading::before {
        content: '› ';
        color: var(--slide-secondary);
      }
      .letter ul {
        margin-bottom: 0.6em;
      }
      .code-line {
        margin: 0.8em 0 0.2em;
        padding: 0.5em 0.8em;
        background: var(--slide-bg);
        border-left: 4px solid var(--slide-primary);
      }
      .code-line .code {
        margin-left: 0.5em;
        font-size: 1.15em;
      }
      .legal {
        font-size: 0.8em;
        color: var(--slide-body);
        margin-top: 1em;
      }
      @media (min-width: 768px) and (min-height: 460px) {
        .columns {
          grid-template-columns: minmax(0, 0.8fr) minmax(0, 1.9fr);
        }
        .docs {
          min-height: 0;
          height: 100%;
          grid-template-columns: minmax(0, 0.8fr) minmax(0, 1.2fr);
        }
        .sheet {
          min-height: 0;
          overflow: auto;
        }
      }
    `,
  ];

  /** The person notified; her minor children get one letter each in the PDF. */
  @property({ attribute: false }) persona: PersonaData | null = null;
  /** The letter's date; today when not set (a scenario may fix its own « today »). */
  @property({ attribute: false }) today: Date | null = null;

  @state() private busy = false;
  @state() private failed = false;

  override render() {
    const pages = this.persona ? 1 + this.persona.children.length : 1;
    return html`<div class="stage">
      <article class="slide" aria-labelledby="title">
        <div class="content">
          <p class="kicker">${t('slides:notificationLetter.kicker')}</p>
          <h1 id="title" tabindex="-1">${t('slides:notice.title')}</h1>
          <hr class="rule" />
          <div class="columns">
            <div class="explain">
              <p class="lead">${t('slides:notificationLetter.envelope')}</p>
              <p class="item">${t('slides:notificationLetter.flyerItem')}</p>
              <p class="item">${t('slides:notificationLetter.letterItem')}</p>
              <p>${rich('slides:notificationLetter.letterIntro')}</p>
              <div class="children">
                <h2>${t('slides:notice.childrenHeading')}</h2>
                <p>${t('slides:notificationLetter.children')}</p>
              </div>
              ${this.persona
                ? html`<div class="download">
                    <button
                      type="button"
                      class="btn"
                      data-hotspot="download-letter"
                      aria-disabled=${this.busy ? 'true' : 'false'}
                      aria-describedby="download-hint"
                      @click=${this.handleDownload}
                    >
                      ${downloadIcon}${t('slides:notificationLetter.download')}
                    </button>
                    <p class="hint" id="download-hint">${t('slides:notificationLetter.downloadHint', { count: pages })}</p>
                    <p class="hint status" role="status">${this.busy ? t('slides:notificationLetter.downloadBusy') : ''}</p>
                    ${this.failed ? html`<p class="error" role="alert">${t('slides:notificationLetter.downloadError')}</p>` : nothing}
                  </div>`
                : nothing}
            </div>
            <div class="docs pane">
              ${this.renderFlyer()}
              ${this.persona
                ? this.renderLetter(letterContent(this.persona, undefined, this.today ?? new Date(), currentLanguage()))
                : nothing}
            </div>
          </div>
        </div>
      </article>
    </div>`;
  }

  private renderFlyer() {
    return html`<section class="sheet flyer" tabindex="0" aria-label=${t('slides:notificationLetter.flyerLabel')}>
      ${wordmark()}
      <h2>${t('slides:flyer.benefitsHeading')}</h2>
      <ul class="benefits">
        ${BENEFITS.map(
          (b) => html`<li>
            ${benefitIcons[b]}
            <div>
              <h3>${t(`slides:flyer.${b}Title`)}</h3>
              <p>${t(`slides:flyer.${b}Text`)}</p>
            </div>
          </li>`,
        )}
      </ul>
      <h2>${t('slides:flyer.simpleHeading')}</h2>
      <ul>
        <li>${t('slides:flyer.web')}</li>
        <li>${t('slides:flyer.app')}</li>
      </ul>
      <h2>${t('slides:flyer.infoHeading')}</h2>
      <p>${t('slides:flyer.info')}</p>
      <p class="conquest">${t('slides:flyer.conquest')}</p>
      <p class="slogan">${t('slides:flyer.slogan')}</p>
    </section>`;
  }

  private renderLetter(letter: LetterContent) {
    return html`<section class="sheet letter" tabindex="0" aria-label=${t('slides:notificationLetter.letterLabel')}>
      <div class="letter-top">
        ${wordmark()}
        <p class="helpline"><strong>${letter.helpline}</strong>${letter.helplineDetail}</p>
      </div>
      <p class="beneficiary">${letter.beneficiaryLabel}<br /><strong>${letter.beneficiary}</strong></p>
      <address class="recipient">${letter.addressLines.map((line, i) => html`${i > 0 ? html`<br />` : nothing}${line}`)}</address>
      <p class="date">${letter.date}</p>
      <h2 class="letter-heading">${letter.heading}</h2>
      <p>${letter.salutation}</p>
      <p>${letter.intro}</p>
      <p>${letter.featuresIntro}</p>
      <ul>
        ${letter.features.map((f) => html`<li>${f}</li>`)}
      </ul>
      <p>${letter.from2022}</p>
      <ul>
        ${letter.futureFeatures.map((f) => html`<li>${f}</li>`)}
      </ul>
      <p>${letter.creation}</p>
      <ul>
        ${letter.choices.map((c) => html`<li>${c}</li>`)}
      </ul>
      <p class="code-line"><strong>${letter.codeFor}</strong><span class="code">${letter.code}</span></p>
      <p>${letter.validity}</p>
      <p>${letter.closing}<br />${letter.signature}</p>
      <p class="legal">${letter.legal}</p>
    </section>`;
  }

  /** jspdf and the letter's layout are loaded on the first click only, to keep them out of the first bundle. */
  private readonly handleDownload = async (): Promise<void> => {
    const persona = this.persona;
    if (!persona || this.busy) return;
    this.busy = true;
    this.failed = false;
    try {
      const { downloadNotificationLetter } = await import('../../documents/notification-letter');
      await downloadNotificationLetter(persona, undefined, {
        lang: currentLanguage(),
        ...(this.today ? { generatedAt: this.today } : {}),
      });
    } catch {
      this.failed = true;
    } finally {
      this.busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-slide-notification-letter': MesSlideNotificationLetter;
  }
}
