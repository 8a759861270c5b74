import { css, html, nothing, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { t } from '../../i18n';
import { formatMobile } from '../../domain/mobile';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';
import { headingWithBack } from './vitale-fields';

/** Drawn here rather than taken from a font: no request leaves the page. */
const pencil = svg`<svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zm17.71-10.21a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z" fill="currentColor"/></svg>`;

/**
 * S6 « Je vérifie mes coordonnées de contact »: the e-mail and mobile on file, a way to change each,
 * and « Continuer » towards the credentials (S7).
 */
@customElement('mes-screen-contacts')
export class ContactsScreen extends SiteScreen {
  static override styles = [
    tokens,
    screenStyles,
    css`
      .contact-list {
        margin: 0 0 8px;
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      .contact {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 4px 16px;
        padding: 16px;
        border: 1px solid var(--mes-bg-alt);
        border-radius: var(--mes-radius);
      }
      .contact dt {
        flex: 1 0 100%;
        color: var(--mes-title);
        font-weight: 600;
      }
      .contact dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .contact .value {
        color: var(--mes-title);
        flex: 1 1 auto;
      }
      .contact .value.none {
        font-style: italic;
        color: var(--mes-body);
      }
      .link {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        min-height: 44px;
      }
    `,
  ];

  override render() {
    if (!this.ctx) return nothing;
    const contacts = this.ctx.session?.contacts ?? { email: null, mobile: null };
    const { notice, busy } = this.ctx;
    return html`
      <div class="screen">
        <div class="card">
          ${headingWithBack(t('contacts:title'), this.handleBack)}
          <p>${t('contacts:intro')}</p>
          <div role="status" class=${classMap({ notice: notice !== null })}>${this.message(notice)}</div>
          <dl class="contact-list">
            <div class="contact">
              <dt>${t('contacts:emailLabel')}</dt>
              <dd class=${classMap({ value: true, none: !contacts.email })} data-testid="email-value">
                ${contacts.email ?? t('contacts:emailNone')}
              </dd>
              <dd>
                <button type="button" class="link" data-hotspot="edit-email" @click=${this.handleEditEmail}>
                  ${pencil}${t(contacts.email ? 'contacts:emailEdit' : 'contacts:emailAdd')}
                </button>
              </dd>
            </div>
            <div class="contact">
              <dt>${t('contacts:mobileLabel')}</dt>
              <dd class=${classMap({ value: true, none: !contacts.mobile })} data-testid="mobile-value">
                ${contacts.mobile ? formatMobile(contacts.mobile) : t('contacts:mobileNone')}
              </dd>
              <dd>
                <button type="button" class="link" data-hotspot="edit-mobile" @click=${this.handleEditMobile}>
                  ${pencil}${t(contacts.mobile ? 'contacts:mobileEdit' : 'contacts:mobileAdd')}
                </button>
              </dd>
            </div>
          </dl>
          <div class="actions">
            <button
              type="button"
              class="btn btn-primary"
              data-hotspot="submit"
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${this.handleSubmit}
            >
              ${busy ? t('common:sending') : t('common:continue')}
            </button>
          </div>
        </div>
      </div>
    `;
  }


  private handleEditEmail(): void {
    this.emit({ type: 'EDIT_CONTACT', kind: 'email' });
  }

  private handleEditMobile(): void {
    this.emit({ type: 'EDIT_CONTACT', kind: 'mobile' });
  }

  private handleSubmit(): void {
    // aria-disabled keeps the button focusable and announced, so clicks must be refused here.
    if (this.ctx.busy) return;
    this.emit({ type: 'SUBMIT' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-contacts': ContactsScreen;
  }
}
