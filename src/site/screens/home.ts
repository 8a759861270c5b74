import { css, html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';
import { sharedStyles } from './vitale-fields';

const PROFILE_ITEMS = ['diseases', 'treatments', 'allergies', 'vaccinations', 'measures'] as const;
const BENEFITS = ['store', 'share', 'exchange'] as const;

/** Own pictograms for the three benefits (decorative: the text says it all). */
const benefitIcons: Record<(typeof BENEFITS)[number], TemplateResult> = {
  store: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M4 4h10l6 6v10H4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
    <path d="M14 4v6h6M8 14h8M8 17h5" fill="none" stroke="currentColor" stroke-width="2" />
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

/** S1: the site's home page, from which the activation journey starts. */
@customElement('mes-screen-home')
export class MesScreenHome extends SiteScreen {
  static override styles = [
    tokens,
    screenStyles,
    sharedStyles,
    css`
      .hero {
        background: linear-gradient(135deg, var(--mes-primary) 0%, #1f5fc4 100%);
        color: #fff;
      }
      .hero-inner {
        max-width: 1120px;
        margin: 0 auto;
        padding: clamp(32px, 6vw, 72px) 16px;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 32px;
      }
      .hero-text {
        flex: 1 1 320px;
        max-width: 620px;
      }
      .hero h1 {
        color: #fff;
        font-size: clamp(1.75rem, 1.2rem + 2.4vw, 3rem);
      }
      .hero p {
        font-size: 1.125rem;
      }
      .hero .btn-primary {
        background: #fff;
        color: var(--mes-primary);
        border-color: #fff;
      }
      .hero .btn-primary:hover {
        background: var(--mes-bg-alt);
      }
      .hero a,
      .hero .link {
        color: #fff;
      }
      .hero :focus-visible {
        outline-color: #fff;
      }
      .hero-actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 12px 24px;
        margin-top: 24px;
      }
      .hero-art {
        flex: 0 1 280px;
        margin: 0 auto;
      }
      @media (max-width: 599px) {
        .hero-art {
          display: none;
        }
      }
      .hero-art svg {
        width: 100%;
        height: auto;
      }
      .section {
        max-width: 1120px;
        margin: 0 auto;
        padding: 40px 16px;
      }
      .benefits {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
      }
      .benefits li {
        flex: 1 1 260px;
        margin: 0;
      }
      .benefits h3 {
        font-size: 1.0625rem;
        margin: 12px 0 8px;
      }
      .benefits svg {
        width: 40px;
        height: 40px;
        color: var(--mes-secondary);
      }
      .profile {
        display: flex;
        flex-wrap: wrap;
        gap: 24px;
        align-items: flex-start;
      }
      .profile > * {
        flex: 1 1 300px;
      }
      .overline {
        color: var(--mes-secondary);
        font-weight: 700;
        letter-spacing: 0.08em;
        font-size: 0.875rem;
        margin: 0 0 8px;
      }
      .profile h2 {
        font-size: clamp(1.25rem, 1.1rem + 0.8vw, 1.75rem);
        margin: 0 0 12px;
      }
      .profile ul {
        margin: 0 0 12px;
        padding-left: 1.25rem;
      }
      .profile li {
        margin: 4px 0;
        color: var(--mes-title);
      }
      .help-line {
        font-size: 0.875rem;
        margin: 0;
      }
    `,
  ];

  override render() {
    return html`
      <section class="hero" aria-labelledby="home-title">
        <div class="hero-inner">
          <div class="hero-text">
            <h1 id="home-title">${t('home:title')}</h1>
            <p>${t('home:lead')}</p>
            <div class="hero-actions">
              <button type="button" class="btn btn-primary" data-hotspot="activate-space" @click=${this.handleActivate}>
                ${t('home:activate')}
              </button>
              <span
                >${t('home:alreadyActivated')}
                <button type="button" class="link" data-hotspot="login" @click=${this.handleLogin}>${t('home:login')}</button></span
              >
            </div>
          </div>
          <div class="hero-art">${this.renderArt()}</div>
        </div>
      </section>
      <section class="section" aria-labelledby="benefits-title">
        <h2 id="benefits-title">${t('home:benefits.title')}</h2>
        <ul class="benefits">
          ${BENEFITS.map(
            (id) => html`<li class="card">
              ${benefitIcons[id]}
              <h3>${t(`home:benefits.${id}.title`)}</h3>
              <p>${t(`home:benefits.${id}.text`)}</p>
            </li>`,
          )}
        </ul>
      </section>
      <section class="section" aria-labelledby="profile-title">
        <div class="card profile">
          <div>
            <p class="overline">${t('home:profile.overline')}</p>
            <h2 id="profile-title">${t('home:profile.title')}</h2>
            <p>${t('home:profile.intro')}</p>
            <ul>
              ${PROFILE_ITEMS.map((id) => html`<li>${t(`home:profile.items.${id}`)}</li>`)}
            </ul>
            <p>${t('home:profile.share')}</p>
          </div>
        </div>
        <p class="help-line">${t('home:helpLine')}</p>
      </section>
    `;
  }

  private handleActivate(): void {
    this.emit({ type: 'ACTIVATE_SPACE' });
  }

  private handleLogin(): void {
    this.emit({ type: 'NOT_COVERED', which: 'login' });
  }

  /** An own, abstract drawing: a phone showing a health record (decorative). */
  private renderArt(): TemplateResult {
    return html`<svg viewBox="0 0 280 240" aria-hidden="true" focusable="false">
      <circle cx="150" cy="120" r="110" fill="#ffffff" opacity="0.12" />
      <rect x="90" y="20" width="120" height="210" rx="18" fill="#fff" />
      <rect x="102" y="44" width="96" height="162" rx="6" fill="#e7ecfa" />
      <rect x="112" y="58" width="76" height="40" rx="6" fill="#0c419a" />
      <path d="M150 66v24M138 78h24" stroke="#fff" stroke-width="6" stroke-linecap="round" />
      <rect x="112" y="110" width="76" height="8" rx="4" fill="#b9c4de" />
      <rect x="112" y="126" width="60" height="8" rx="4" fill="#b9c4de" />
      <rect x="112" y="150" width="76" height="40" rx="6" fill="#fff" />
      <circle cx="128" cy="170" r="9" fill="#d81e7e" />
      <rect x="144" y="164" width="36" height="6" rx="3" fill="#b9c4de" />
      <rect x="144" y="176" width="24" height="6" rx="3" fill="#b9c4de" />
      <rect x="24" y="120" width="74" height="48" rx="8" fill="#d81e7e" />
      <path d="M40 138h42M40 150h28" stroke="#fff" stroke-width="5" stroke-linecap="round" />
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-home': MesScreenHome;
  }
}
