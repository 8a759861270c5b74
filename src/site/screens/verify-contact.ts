import { css, html, nothing, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import { t } from '../../i18n';
import { FormScreen } from './form-screen';
import { screenStyles, tokens } from './styles';

const backArrow = svg`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="M20 11H7.83l5.59-5.59L12 4l-8 8 8 8 1.41-1.41L7.83 13H20v-2z" fill="currentColor"/></svg>`;

/**
 * S14 « Je valide mon adresse e-mail » / S16 « Je valide mon numéro de téléphone mobile »: the
 * one-time code sent to the new address or number, and a way to have it sent again.
 */
@customElement('mes-screen-verify-contact')
export class VerifyContactScreen extends FormScreen {
  protected readonly formName = 'contact' as const;
  static override styles = [
    tokens,
    screenStyles,
    css`
      form {
        margin: 0;
      }
      /* The shared red on the shared pink reaches only 4.4:1 at 16px semi-bold: darkened to pass AA. */
      .form-error {
        color: #b3303f;
      }
      .sent-to {
        overflow-wrap: anywhere;
      }
      .sent-to strong {
        color: var(--mes-title);
      }
      input#otp {
        max-width: 16rem;
        letter-spacing: 0.2em;
      }
      .resend {
        min-height: 44px;
        align-self: flex-start;
      }
    `,
  ];

  /** Set by our own SUBMIT, so that focus moves only when the user's submission is refused. */

  override render() {
    if (!this.ctx) return nothing;
    const isMobile = this.ctx.contactKind === 'mobile';
    const error = this.fieldError('contact.otp');
    const { busy, formError, notice } = this.ctx;
    const describedBy = ['otp-hint', error ? 'otp-error' : ''].filter(Boolean).join(' ');
    // The address is emphasised as on the seed's S16; the sentence stays whole for translators.
    const sentence = t(isMobile ? 'contacts:verify.mobileSent' : 'contacts:verify.emailSent', {
      to: '\u0000',
    });
    const [before = '', after = ''] = sentence.split('\u0000');
    return html`
      <div class="screen">
        <div class="card">
          <div class="heading-row">
            <button
              type="button"
              class="back"
              data-hotspot="back"
              aria-label=${t('common:backLabel')}
              @click=${this.handleBack}
            >
              ${backArrow}
            </button>
            <h1>${t(isMobile ? 'contacts:verify.mobileTitle' : 'contacts:verify.emailTitle')}</h1>
          </div>
          <p class="sent-to">${before}<strong>${this.ctx.otpSentTo}</strong>${after}</p>
          ${isMobile ? nothing : html`<p>${t('contacts:verify.spam')}</p>`}
          <div role="status" class=${classMap({ notice: notice !== null })}>${this.message(notice)}</div>
          <form novalidate @submit=${this.handleFormSubmit}>
            <div class="field">
              <label for="otp">${t('contacts:verify.otpLabel')}</label>
              <span class="hint" id="otp-hint">${t('common:example', { value: t('contacts:verify.otpExample') })}</span>
              <input
                id="otp"
                name="otp"
                type="text"
                inputmode="numeric"
                autocomplete="one-time-code"
                spellcheck="false"
                data-hotspot="otp"
                .value=${live(this.ctx.forms.contact.otp)}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${describedBy}
                @input=${this.handleInput}
              />
              ${error ? html`<p class="error" id="otp-error" role="alert">${this.message(error)}</p>` : nothing}
              <button type="button" class="link resend" data-hotspot="resend" @click=${this.handleResend}>
                ${t('contacts:verify.resend')}
              </button>
            </div>
            ${formError ? html`<div class="form-error" role="alert">${this.message(formError)}</div>` : nothing}
            <div class="actions">
              <button type="button" class="btn btn-secondary" data-hotspot="cancel" @click=${this.handleBack}>
                ${t('common:cancel')}
              </button>
              <button
                type="submit"
                class="btn btn-primary"
                data-hotspot="submit"
                aria-disabled=${busy ? 'true' : 'false'}
              >
                ${busy ? t('common:sending') : t('common:validate')}
              </button>
            </div>
          </form>
        </div>
      </div>
    `;
  }


  private handleBack(): void {
    this.emit({ type: 'BACK' });
  }

  private handleResend(): void {
    if (this.ctx.busy) return;
    this.emit({ type: 'RESEND' });
  }

  private handleInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    this.emit({ type: 'FIELD', form: 'contact', field: 'otp', value });
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-verify-contact': VerifyContactScreen;
  }
}
