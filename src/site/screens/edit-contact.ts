import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { t } from '../../i18n';
import { FormScreen } from './form-screen';
import { headingWithBack, cancelButton, formErrorBlock, mainButton } from './vitale-fields';
import { screenStyles, tokens } from './styles';


/**
 * S13 « Je modifie mon adresse e-mail » / S15 « Je renseigne mon numéro de téléphone mobile »: the new
 * value, for which the backend sends a one-time code (S14 / S16).
 */
@customElement('mes-screen-edit-contact')
export class EditContactScreen extends FormScreen {
  protected readonly formName = 'contact' as const;
  static override styles = [
    tokens,
    screenStyles,
  ];

  override render() {
    if (!this.ctx) return nothing;
    const kind = this.ctx.contactKind;
    const error = this.fieldError('contact.value');
    const isMobile = kind === 'mobile';
    const describedBy = [isMobile ? 'value-hint' : '', error ? 'value-error' : ''].filter(Boolean).join(' ');
    const { busy, formError } = this.ctx;
    return html`
      <div class="screen">
        <div class="card">
          ${headingWithBack(t(isMobile ? 'contacts:edit.mobileTitle' : 'contacts:edit.emailTitle'), this.handleBack)}
          <p>${t(isMobile ? 'contacts:edit.mobileIntro' : 'contacts:edit.emailIntro')}</p>
          <form novalidate @submit=${this.handleFormSubmit}>
            <div class="field">
              <label for="value">${t(isMobile ? 'contacts:edit.mobileLabel' : 'contacts:edit.emailLabel')}</label>
              ${isMobile
                ? html`<span class="hint" id="value-hint"
                    >${t('common:example', { value: t('contacts:edit.mobileExample') })}</span
                  >`
                : nothing}
              <input
                id="value"
                name="value"
                type=${isMobile ? 'tel' : 'email'}
                autocomplete=${isMobile ? 'tel-national' : 'email'}
                spellcheck="false"
                data-hotspot="contact-value"
                .value=${live(this.ctx.forms.contact.value)}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${ifDefined(describedBy || undefined)}
                @input=${this.handleInput}
              />
              ${error ? html`<p class="error" id="value-error" role="alert">${this.message(error)}</p>` : nothing}
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



  private handleInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    this.emit({ type: 'FIELD', form: 'contact', field: 'value', value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-edit-contact': EditContactScreen;
  }
}
