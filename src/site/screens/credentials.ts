import { css, html, nothing, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import { t } from '../../i18n';
import type { CredentialsForm, PasswordRuleState } from '../types';
import { FormScreen } from './form-screen';
import { headingWithBack, formErrorBlock, mainButton } from './vitale-fields';
import { screenStyles, tokens } from './styles';

const eye = svg`<svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path d="M12 5C6.5 5 2.7 9.2 1.5 12c1.2 2.8 5 7 10.5 7s9.3-4.2 10.5-7C21.3 9.2 17.5 5 12 5zm0 11.5A4.5 4.5 0 1 1 12 7.5a4.5 4.5 0 0 1 0 9zm0-7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z" fill="currentColor"/></svg>`;
const eyeOff = svg`<svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path d="M12 7.5a4.5 4.5 0 0 1 4.2 6.1l2.6 2.6c1.6-1.2 2.9-2.7 3.7-4.2C21.3 9.2 17.5 5 12 5c-1.3 0-2.6.2-3.7.6l1.6 1.6c.6-.4 1.3-.7 2.1-.7zM2.7 3.3 1.3 4.7l2.5 2.5C2.8 8.6 2 10.1 1.5 12c1.2 2.8 5 7 10.5 7 1.7 0 3.2-.4 4.6-1l3 3 1.4-1.4L2.7 3.3zm9.3 13.2a4.5 4.5 0 0 1-4.3-5.8l1.6 1.6a2.5 2.5 0 0 0 3 3l1.6 1.6c-.6.4-1.2.6-1.9.6z" fill="currentColor"/></svg>`;

type SecretField = 'password' | 'confirm';

/**
 * S7 « Je choisis mon identifiant et mon mot de passe »: identifier (with the backend's suggestions
 * when it is taken), password with its live checklist, confirmation, and show/hide for both.
 */
@customElement('mes-screen-credentials')
export class CredentialsScreen extends FormScreen {
  protected readonly formName = 'credentials' as const;
  static override styles = [
    tokens,
    screenStyles,
    css`
      .input-row {
        display: flex;
        align-items: stretch;
        gap: 8px;
      }
      .input-row input {
        flex: 1 1 auto;
        min-width: 0;
      }
      .toggle {
        flex: none;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 44px;
        min-height: 44px;
        border: 1px solid #8a94b0;
        border-radius: var(--mes-radius);
        background: #fff;
        color: var(--mes-primary);
        cursor: pointer;
      }
      .toggle[aria-pressed='true'] {
        background: var(--mes-bg-alt);
      }
      .suggestions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        margin: 4px 0 0;
        padding: 0;
        list-style: none;
      }
      .suggestion {
        font: inherit;
        min-height: 44px;
        padding: 6px 16px;
        border-radius: 999px;
        border: 1px solid var(--mes-primary);
        background: #fff;
        color: var(--mes-primary);
        font-weight: 600;
        cursor: pointer;
      }
      .suggestion:hover {
        background: var(--mes-bg-alt);
      }
      .checklist {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 4px 16px;
        margin: 4px 0 0;
        padding: 0;
        list-style: none;
        font-size: 0.875rem;
      }
      .rule {
        display: flex;
        align-items: baseline;
        gap: 6px;
      }
      .rule .mark {
        flex: none;
        width: 1.2em;
        text-align: center;
        font-weight: 700;
      }
      .rule.ok {
        color: var(--mes-success);
      }
      .rule.refused {
        color: var(--mes-error);
        font-weight: 600;
      }
    `,
  ];

  /** Presentation only: whether each secret is shown in clear. The machine never needs it. */
  @state() private shown: Record<SecretField, boolean> = { password: false, confirm: false };

  override render() {
    if (!this.ctx) return nothing;
    const { busy, formError, forms, loginSuggestions, ruleSet } = this.ctx;
    const loginError = this.fieldError('credentials.login');
    return html`
      <div class="screen">
        <div class="card">
          ${headingWithBack(t('credentials:title'), this.handleBack)}
          <p>${t('credentials:intro')}<br />${t('credentials:introLogin')}</p>
          <form novalidate @submit=${this.handleFormSubmit}>
            <div class="field">
              <label for="login">${t('credentials:loginLabel')}</label>
              <span class="hint" id="login-hint">${t(`credentials:loginHint.${ruleSet}`)}</span>
              <input
                id="login"
                name="login"
                type="text"
                autocomplete="username"
                autocapitalize="none"
                spellcheck="false"
                data-hotspot="login"
                .value=${live(forms.credentials.login)}
                aria-invalid=${loginError ? 'true' : 'false'}
                aria-describedby=${['login-hint', loginError ? 'login-error' : '', loginSuggestions.length ? 'suggestions-label' : '']
                  .filter(Boolean)
                  .join(' ')}
                @input=${this.handleInput}
              />
              ${loginError
                ? html`<p class="error" id="login-error" role="alert">${this.message(loginError)}</p>`
                : nothing}
              ${loginSuggestions.length
                ? html`<span class="hint" id="suggestions-label">${t('credentials:suggestions')}</span>
                    <ul class="suggestions" aria-labelledby="suggestions-label">
                      ${loginSuggestions.map(
                        (login, n) => html`<li>
                          <button
                            type="button"
                            class="suggestion"
                            data-hotspot=${`suggestion-${n}`}
                            aria-label=${t('credentials:suggestionLabel', { login })}
                            @click=${() => this.handleSuggestion(login)}
                          >
                            ${login}
                          </button>
                        </li>`,
                      )}
                    </ul>`
                : nothing}
            </div>
            ${this.renderSecret('password', forms.credentials.password)}
            ${this.renderSecret('confirm', forms.credentials.confirm)}
            ${formErrorBlock(this.message(formError))}
            <div class="actions">
              ${mainButton({ busy, label: t('common:validate') })}
            </div>
          </form>
        </div>
      </div>
    `;
  }


  private renderSecret(field: SecretField, value: string) {
    const error = this.fieldError(`credentials.${field}`);
    const shown = this.shown[field];
    const isPassword = field === 'password';
    const describedBy = [isPassword ? 'checklist' : '', error ? `${field}-error` : ''].filter(Boolean).join(' ');
    const toggleLabel = isPassword
      ? t(shown ? 'credentials:hide' : 'credentials:show')
      : t(shown ? 'credentials:hideConfirm' : 'credentials:showConfirm');
    return html`
      <div class="field">
        <label for=${field}>${t(isPassword ? 'credentials:passwordLabel' : 'credentials:confirmLabel')}</label>
        <div class="input-row">
          <input
            id=${field}
            name=${field}
            type=${shown ? 'text' : 'password'}
            autocomplete="new-password"
            autocapitalize="none"
            spellcheck="false"
            data-hotspot=${field}
            .value=${live(value)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @input=${(event: InputEvent) => this.handleSecretInput(field, event)}
          />
          <button
            type="button"
            class="toggle"
            data-hotspot=${`toggle-${field}`}
            aria-controls=${field}
            aria-pressed=${shown ? 'true' : 'false'}
            aria-label=${toggleLabel}
            @click=${() => this.handleToggle(field)}
          >
            ${shown ? eyeOff : eye}
          </button>
        </div>
        ${isPassword ? this.renderChecklist(this.ctx.passwordChecklist, Boolean(error)) : nothing}
        ${error ? html`<p class="error" id=${`${field}-error`} role="alert">${this.message(error)}</p>` : nothing}
      </div>
    `;
  }

  /** Ticked live; the rules not met turn red once a submission has been refused for the password. */
  private renderChecklist(items: PasswordRuleState[], refused: boolean) {
    return html`
      <span class="visually-hidden" id="checklist-title">${t('credentials:checklistTitle')}</span>
      <ul class="checklist" id="checklist" aria-labelledby="checklist-title">
        ${items.map(
          (item) => html`<li
            class=${classMap({ rule: true, ok: item.ok, refused: refused && !item.ok })}
            data-rule=${item.id}
            data-ok=${item.ok ? 'true' : 'false'}
          >
            <span class="mark" aria-hidden="true">${item.ok ? '✓' : refused ? '✗' : '•'}</span>
            <span>${t(`errors:${item.key}`)}</span>
            <span class="visually-hidden">(${t(item.ok ? 'credentials:ruleOk' : 'credentials:ruleNotOk')})</span>
          </li>`,
        )}
      </ul>
    `;
  }


  private handleInput(event: InputEvent): void {
    this.emitField('login', (event.target as HTMLInputElement).value);
  }

  private handleSecretInput(field: SecretField, event: InputEvent): void {
    this.emitField(field, (event.target as HTMLInputElement).value);
  }

  private handleSuggestion(login: string): void {
    this.emitField('login', login);
  }

  private handleToggle(field: SecretField): void {
    this.shown = { ...this.shown, [field]: !this.shown[field] };
  }

  private emitField(field: keyof CredentialsForm, value: string): void {
    this.emit({ type: 'FIELD', form: 'credentials', field, value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-credentials': CredentialsScreen;
  }
}
