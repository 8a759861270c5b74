import { css, html, nothing, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { t } from '../../i18n';
import { FormScreen } from './form-screen';
import { screenStyles, tokens } from './styles';

const backArrow = svg`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="M20 11H7.83l5.59-5.59L12 4l-8 8 8 8 1.41-1.41L7.83 13H20v-2z" fill="currentColor"/></svg>`;

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
    css`
      form {
        margin: 0;
      }
      /* The shared red on the shared pink reaches only 4.4:1 at 16px semi-bold: darkened to pass AA. */
      .form-error {
        color: #b3303f;
      }
    `,
  ];

  /** Set by our own SUBMIT, so that focus moves only when the user's submission is refused. */

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
            <h1>${t(isMobile ? 'contacts:edit.mobileTitle' : 'contacts:edit.emailTitle')}</h1>
          </div>
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
