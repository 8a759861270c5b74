import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { currentLanguage, t } from '../../i18n';
import type { PersonaData } from '../../scenarios/schema';
import {
  fillTemplate,
  notificationRecipients,
  renderNotificationVars,
  type NotificationRecipient,
  type NotificationVars,
} from './notification';
import { noticeStyles } from './notice-styles';
import { SlideElement, rich, richText } from './slide-element';
import { slideStyles } from './slide-styles';

const CONTENTS = ['contentPresentation', 'contentLink', 'contentCode'] as const;

/**
 * T4 « La notification de l'utilisateur » by e-mail: the seed's explanation, and the e-mail itself as
 * a mail client shows it, rendered from the template with the variables of the persona, then one
 * e-mail per minor child with the child's code (the list on top selects which one is open).
 */
@customElement('mes-slide-notification-mail')
export class MesSlideNotificationMail extends SlideElement {
  static override styles = [
    slideStyles,
    noticeStyles,
    css`
      .client {
        display: flex;
        flex-direction: column;
        border: 1px solid #c9d1e6;
        border-radius: 12px;
        background: var(--slide-bg);
        overflow: hidden;
        font-size: 0.88em;
      }
      .client-bar {
        padding: 0.4em 1em;
        background: var(--slide-title);
        color: #fff;
        font-weight: 600;
        font-size: 0.9em;
      }
      .inbox {
        list-style: none;
        margin: 0;
        padding: 0.5em;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        border-bottom: 1px solid #c9d1e6;
      }
      .inbox li {
        flex: 1 1 9em;
      }
      .inbox button {
        width: 100%;
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        min-height: 44px;
        padding: 0.4em 0.9em;
        border: 1px solid #c9d1e6;
        border-radius: 8px;
        background: #fff;
        color: var(--slide-body);
        font: inherit;
        text-align: left;
        cursor: pointer;
      }
      .inbox button[aria-pressed='true'] {
        border: 2px solid var(--slide-primary);
        background: var(--slide-bg-alt);
      }
      .inbox .sender {
        font-weight: 700;
        color: var(--slide-title);
      }
      .inbox .for {
        font-size: 0.9em;
        color: var(--slide-primary);
        font-weight: 600;
      }
      .message {
        background: #fff;
        padding: 1em 1.2em;
      }
      .message-head {
        border-bottom: 1px solid #e1e6f3;
        padding-bottom: 0.6em;
        margin-bottom: 0.8em;
      }
      .message-head h2 {
        font-size: 1.1em;
        margin-bottom: 0.4em;
      }
      .meta {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.1em 0.8em;
        margin: 0;
        font-size: 0.9em;
      }
      .meta dt {
        font-weight: 700;
        color: var(--slide-title);
      }
      .meta dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .mail ul {
        margin-bottom: 0.8em;
      }
      .code-box {
        margin: 0.8em 0;
        padding: 0.8em 1em;
        border-radius: 8px;
        background: var(--slide-bg-alt);
        text-align: center;
      }
      .code-box p {
        margin: 0;
      }
      .code-box .code {
        font-size: 1.4em;
      }
      .cta {
        text-align: center;
        margin: 1em 0;
      }
      /* A picture of the e-mail's button: the simulator never leaves the page, so it links nowhere. */
      .cta span {
        display: inline-block;
        padding: 0.5em 1.4em;
        border-radius: 999px;
        background: var(--slide-primary);
        color: #fff;
        font-weight: 700;
        letter-spacing: 0.03em;
      }
      .legal {
        margin-top: 1em;
        font-size: 0.85em;
      }
      @media (min-width: 768px) and (min-height: 460px) {
        .client {
          min-height: 0;
          height: 100%;
        }
        .message {
          flex: 1;
          min-height: 0;
          overflow: auto;
        }
      }
    `,
  ];

  /** The person notified (the scenario's persona); her minor children get one e-mail each. */
  @property({ attribute: false }) persona: PersonaData | null = null;

  /** The recipient whose e-mail is open: the persona's or a child's id. */
  @state() private openId: string | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('persona')) {
      const ids = this.recipients.map((r) => r.id);
      if (this.openId === null || !ids.includes(this.openId)) this.openId = ids[0] ?? null;
    }
  }

  private get recipients(): NotificationRecipient[] {
    return this.persona ? notificationRecipients(this.persona) : [];
  }

  override render() {
    return html`<div class="stage">
      <article class="slide" aria-labelledby="title">
        <div class="content">
          <p class="kicker">${t('slides:notificationMail.kicker')}</p>
          <h1 id="title" tabindex="-1">${t('slides:notice.title')}</h1>
          <hr class="rule" />
          <div class="columns">
            <div class="explain">
              <p class="lead">${rich('slides:notificationMail.intro')}</p>
              <p>${t('slides:notificationMail.contentsIntro')}</p>
              <ul class="triangles">
                ${CONTENTS.map((key) => html`<li>${t(`slides:notificationMail.${key}`)}</li>`)}
              </ul>
              <div class="children">
                <h2>${t('slides:notice.childrenHeading')}</h2>
                <p>${t('slides:notificationMail.children')}</p>
              </div>
            </div>
            ${this.persona ? this.renderClient(this.persona) : nothing}
          </div>
        </div>
      </article>
    </div>`;
  }

  private renderClient(persona: PersonaData) {
    const recipients = this.recipients;
    const open = recipients.find((r) => r.id === this.openId) ?? recipients[0];
    if (!open) return nothing;
    const subject = t('slides:notificationMail.subjectText');
    return html`<section class="client pane" aria-labelledby="client-label">
      <div class="client-bar" id="client-label">${t('slides:notificationMail.clientLabel')}</div>
      <ul class="inbox" aria-label=${t('slides:notificationMail.listLabel')}>
        ${recipients.map(
          (r) => html`<li>
            <button
              type="button"
              data-hotspot=${`mail-${r.id}`}
              aria-pressed=${r.id === open.id ? 'true' : 'false'}
              @click=${() => this.handleOpen(r.id)}
            >
              <span class="sender">${t('slides:notificationMail.sender')}</span>
              <span class="for">${t('slides:notificationMail.forPerson', { name: r.firstName })}</span>
            </button>
          </li>`,
        )}
      </ul>
      <div
        class="message"
        role="region"
        tabindex="0"
        aria-label=${`${t('slides:notificationMail.readingLabel')} : ${t('slides:notificationMail.forPerson', { name: open.firstName })}`}
        data-recipient=${open.id}
      >
        <div class="message-head">
          <h2>${subject}</h2>
          <dl class="meta">
            <dt>${t('slides:notificationMail.from')}</dt>
            <dd>${t('slides:notificationMail.sender')}</dd>
            <dt>${t('slides:notificationMail.to')}</dt>
            <dd>${persona.email ?? t('slides:notificationMail.noEmail')}</dd>
          </dl>
        </div>
        ${this.renderMail(renderNotificationVars(persona, open.child ?? undefined, currentLanguage()))}
      </div>
    </section>`;
  }

  /** The e-mail of the seed, every sentence from the one template in locales. */
  private renderMail(vars: NotificationVars) {
    const fill = (key: string) => richText(fillTemplate(key, vars));
    return html`<div class="mail">
      <p>${fill('slides:mail.greeting')}</p>
      <p>${fill('slides:notice.intro')}</p>
      <p>${fill('slides:mail.creation')}</p>
      <ul>
        <li>${fill('slides:mail.activate')}</li>
        <li>${fill('slides:mail.oppose')}</li>
      </ul>
      <div class="code-box">
        <p>${fill('slides:mail.codeFor')}</p>
        <p class="code">${fill('slides:mail.code')}</p>
      </div>
      <p>${fill('slides:mail.validity')}</p>
      <p class="cta"><span>${fill('slides:mail.cta')}</span></p>
      <p>${fill('slides:notice.featuresIntro')}</p>
      <ul>
        <li>${fill('slides:notice.featureDmp')}</li>
        <li>${fill('slides:notice.featureMessaging')}</li>
      </ul>
      <p>${fill('slides:notice.from2022')}</p>
      <ul>
        <li>${fill('slides:notice.featureAgenda')}</li>
        <li>${fill('slides:notice.featureApps')}</li>
      </ul>
      <p>${fill('slides:mail.moreInfo')}</p>
      <p>${fill('slides:notice.closing')}<br />${fill('slides:mail.signature')}</p>
      <p class="legal">${fill('slides:mail.legal')}</p>
    </div>`;
  }

  private handleOpen(id: string): void {
    this.openId = id;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-slide-notification-mail': MesSlideNotificationMail;
  }
}
