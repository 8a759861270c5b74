import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { MIN_DELAY_MS, OTP_VALIDITY_MS, SESSION_TIMEOUT_MS } from '../backend/store';
import {
  IDENTIFIER_MIN,
  NIR_LENGTH,
  NO_PHOTO_SERIAL_MAX,
  NO_PHOTO_SERIAL_MIN,
  OTP_LENGTH,
  PHOTO_SERIAL_LENGTH,
  PROVISIONAL_CODE_LENGTH,
  passwordRules,
} from '../domain';
import { redrawOnLanguageChange, t } from '../i18n';
import type { PersonaData } from '../scenarios/schema';
import { tokens } from '../site/screens/styles';
import '../tutorial/practice/vitale-card';
import { deskStyles } from './styles';

/**
 * The agent's crib sheet, open at any moment of a call: where the NIR and the serial number are on each
 * carte Vitale (drawn, the number circled), the rules of each field with the site's own messages, the
 * delays, and the opening hours of the 3422. The numbers come from the domain rules and the simulated
 * service, so the sheet says what the simulator does.
 */

export type FicheCloseEvent = CustomEvent<Record<string, never>>;

declare global {
  interface HTMLElementEventMap {
    'mes-fiche-close': FicheCloseEvent;
  }
}

/** A fictitious card holder for the drawings. */
function sample(type: PersonaData['card']['type']): PersonaData {
  return {
    id: `sample-${type}`,
    firstName: t('calls:fiche.sample.firstName'),
    middleNames: '',
    lastName: t('calls:fiche.sample.lastName'),
    sex: 'F',
    birthDate: '1969-05-12',
    nir: type === 'sans-photo' ? '269054410903857' : '248081305504592',
    card: { type, serial: type === 'sans-photo' ? '09073458126' : '802550193847261' },
    provisionalCode: '',
    codeState: 'valid',
    email: null,
    mobile: null,
    status: 'pending',
    decidedAt: null,
    deceased: false,
    expectInvalid: [],
    takenLogins: [],
    children: [],
  };
}

interface FieldRule {
  field: string;
  rule: string;
  messages: string[];
}

@customElement('mes-fiche-reflexe')
export class MesFicheReflexe extends LitElement {
  static override styles = [
    tokens,
    deskStyles,
    css`
      dialog {
        width: min(1100px, calc(100vw - 16px));
        max-height: calc(100vh - 16px);
        padding: 0;
        border: 0;
        border-radius: 16px;
        box-shadow: 0 12px 48px rgba(38, 41, 57, 0.35);
        color: var(--mes-body);
      }
      dialog::backdrop {
        background: rgba(38, 41, 57, 0.45);
      }
      .top {
        position: sticky;
        top: 0;
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 12px 16px;
        background: #fff;
        border-bottom: 1px solid var(--mes-bg-alt);
        z-index: 1;
      }
      .top h2 {
        flex: 1;
        margin: 0;
        font-size: 1.25rem;
      }
      .body {
        padding: 16px;
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
        gap: 16px;
      }
      figure {
        margin: 0;
      }
      figcaption {
        margin-top: 6px;
        font-size: 0.9375rem;
        color: var(--mes-title);
      }
      dl {
        display: grid;
        grid-template-columns: minmax(140px, max-content) 1fr;
        gap: 6px 16px;
        margin: 0;
      }
      dt {
        font-weight: 700;
        color: var(--mes-title);
      }
      dd {
        margin: 0;
      }
      .messages {
        margin: 0;
        padding-left: 18px;
      }
      .phone {
        font-size: 2rem;
        font-weight: 800;
        color: var(--mes-primary);
        margin: 0;
      }
      section {
        margin: 0 0 24px;
      }
      .table-wrap {
        overflow-x: auto;
      }
    `,
  ];

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @property({ type: Boolean, reflect: true }) open = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  protected override updated(): void {
    if (!this.dialog) return;
    if (this.open && !this.dialog.open) this.dialog.showModal();
    if (!this.open && this.dialog.open) this.dialog.close();
  }

  private readonly handleClose = (): void => {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new CustomEvent('mes-fiche-close', { detail: {}, bubbles: true, composed: true }));
  };

  private rules(): FieldRule[] {
    const e = (key: string) => t(`errors:${key}`);
    return [
      { field: t('calls:fiche.fields.code'), rule: t('calls:fiche.rules.code', { length: String(PROVISIONAL_CODE_LENGTH) }), messages: [e('code.length'), e('code.charset')] },
      { field: t('common:nirLabel'), rule: t('calls:fiche.rules.nir', { length: String(NIR_LENGTH) }), messages: [e('nir.length'), e('nir.format')] },
      { field: t('common:cardType'), rule: t('calls:fiche.rules.cardType'), messages: [e('cardType.required')] },
      {
        field: t('common:serialLabel'),
        rule: t('calls:fiche.rules.serial', { min: String(NO_PHOTO_SERIAL_MIN), max: String(NO_PHOTO_SERIAL_MAX), photo: String(PHOTO_SERIAL_LENGTH) }),
        messages: [e('serial.noPhotoLength'), e('serial.photoLength'), e('serial.date'), e('serial.inNir')],
      },
      { field: t('newcode:birth.label'), rule: t('calls:fiche.rules.birthDate'), messages: [e('birthDate.format'), e('birthDate.range')] },
      { field: t('contacts:emailLabel'), rule: t('calls:fiche.rules.email'), messages: [e('email.format')] },
      { field: t('contacts:mobileLabel'), rule: t('calls:fiche.rules.mobile'), messages: [e('mobile.format')] },
      { field: t('contacts:verify.otpLabel'), rule: t('calls:fiche.rules.otp', { length: String(OTP_LENGTH) }), messages: [e('otp.format'), e('server.WRONG_OTP')] },
      { field: t('credentials:loginLabel'), rule: t('calls:fiche.rules.login', { min: String(IDENTIFIER_MIN) }), messages: [e('identifier.email'), e('server.LOGIN_ALREADY_EXISTS')] },
      {
        field: t('credentials:passwordLabel'),
        rule: `${t('calls:fiche.rules.password')} ${passwordRules('seed-2021').map((r) => e(r.key)).join(', ')}.`,
        messages: [e('server.WEAK_PASSWORD_PERSONAL'), e('server.WEAK_PASSWORD'), e('confirm.mismatch')],
      },
    ];
  }

  private renderCards(): TemplateResult {
    const without = sample('sans-photo');
    const withPhoto = sample('avec-photo');
    return html`<section aria-labelledby="fiche-cards">
      <h3 id="fiche-cards">${t('calls:fiche.cards.title')}</h3>
      <div class="cards">
        <figure>
          <mes-vitale-card .persona=${without} side="front" .highlight=${'nir'}></mes-vitale-card>
          <figcaption>${t('calls:fiche.cards.sansPhotoNir', { length: String(NIR_LENGTH) })}</figcaption>
        </figure>
        <figure>
          <mes-vitale-card .persona=${without} side="back" .highlight=${'serial'}></mes-vitale-card>
          <figcaption>${t('calls:fiche.cards.sansPhotoSerial', { min: String(NO_PHOTO_SERIAL_MIN), max: String(NO_PHOTO_SERIAL_MAX) })}</figcaption>
        </figure>
        <figure>
          <mes-vitale-card .persona=${withPhoto} side="front" .highlight=${'nir'}></mes-vitale-card>
          <figcaption>${t('calls:fiche.cards.avecPhotoNir')}</figcaption>
        </figure>
        <figure>
          <mes-vitale-card .persona=${withPhoto} side="front" .highlight=${'serial'}></mes-vitale-card>
          <figcaption>${t('calls:fiche.cards.avecPhotoSerial', { photo: String(PHOTO_SERIAL_LENGTH) })}</figcaption>
        </figure>
      </div>
    </section>`;
  }

  private renderRules(): TemplateResult {
    return html`<section aria-labelledby="fiche-rules">
      <h3 id="fiche-rules">${t('calls:fiche.rules.title')}</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t('calls:fiche.rules.field')}</th>
              <th scope="col">${t('calls:fiche.rules.rule')}</th>
              <th scope="col">${t('calls:fiche.rules.messages')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rules().map(
              (r) => html`<tr>
                <th scope="row">${r.field}</th>
                <td>${r.rule}</td>
                <td>
                  <ul class="messages">
                    ${r.messages.map((m) => html`<li>${t('calls:quoted', { text: m })}</li>`)}
                  </ul>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderDelays(): TemplateResult {
    return html`<section aria-labelledby="fiche-delays">
      <h3 id="fiche-delays">${t('calls:fiche.delays.title')}</h3>
      <dl>
        <dt>${t('calls:fiche.delays.code')}</dt>
        <dd>${t('calls:fiche.delays.codeValue')}</dd>
        <dt>${t('calls:fiche.delays.otp')}</dt>
        <dd>${t('calls:fiche.delays.otpValue', { minutes: String(OTP_VALIDITY_MS / 60_000) })}</dd>
        <dt>${t('calls:fiche.delays.resend')}</dt>
        <dd>${t('calls:fiche.delays.resendValue', { seconds: String(MIN_DELAY_MS / 1000) })}</dd>
        <dt>${t('calls:fiche.delays.session')}</dt>
        <dd>${t('calls:fiche.delays.sessionValue', { minutes: String(SESSION_TIMEOUT_MS / 60_000) })}</dd>
        <dt>${t('calls:fiche.delays.proof')}</dt>
        <dd>${t('calls:fiche.delays.proofValue')}</dd>
      </dl>
    </section>`;
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="fiche-title" @close=${this.handleClose} @cancel=${this.handleClose}>
      <div class="top">
        <h2 id="fiche-title">${t('calls:fiche.title')}</h2>
        <button type="button" class="btn" @click=${this.handleClose}>${t('common:close')}</button>
      </div>
      <div class="body">
        <section aria-labelledby="fiche-phone">
          <h3 id="fiche-phone">${t('calls:fiche.phone.title')}</h3>
          <p class="phone">${t('blocked:phoneNumber')}</p>
          <p>${t('blocked:phoneText')}</p>
        </section>
        ${this.renderCards()} ${this.renderRules()} ${this.renderDelays()}
        <section aria-labelledby="fiche-reflexes">
          <h3 id="fiche-reflexes">${t('calls:fiche.reflexes.title')}</h3>
          <ul>
            <li>${t('calls:fiche.reflexes.secrets')}</li>
            <li>${t('calls:fiche.reflexes.noCode')}</li>
            <li>${t('calls:fiche.reflexes.messages')}</li>
            <li>${t('calls:fiche.reflexes.child')}</li>
          </ul>
        </section>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-fiche-reflexe': MesFicheReflexe;
  }
}
