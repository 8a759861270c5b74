import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import { t } from '../../i18n';
import { FormScreen } from './form-screen';
import { headingWithBack, cancelButton, formErrorBlock, mainButton } from './vitale-fields';
import { screenStyles, tokens } from './styles';


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
          ${headingWithBack(t(isMobile ? 'contacts:verify.mobileTitle' : 'contacts:verify.emailTitle'), this.handleBack)}
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
            ${formErrorBlock(this.message(formError))}
            <div class="actions">
              ${cancelButton(this.handleBack)}
              ${mainButton({ busy, label: t('common:validate') })}
            </div>
          </form>
        </div>
      </div>
    `;
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
