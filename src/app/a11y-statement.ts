import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { currentLanguage, i18next, onLanguageChanged, setLanguage, t } from '../i18n';
import { tokens } from '../site/screens/styles';

/**
 * « Déclaration d'accessibilité » (`?view=accessibilite`), in the form French public services publish:
 * compliance status, test results, non-accessible content, how the statement was established, feedback
 * and means of redress. The service is a training simulator and the statement says so; what it lists is
 * what the project's tests check (tests/e2e/a11y.e2e.ts, keyboard.e2e.ts, robustness.e2e.ts…).
 */
@customElement('mes-a11y-statement')
export class MesA11yStatement extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--mes-bg);
      }
      * {
        box-sizing: border-box;
      }
      nav {
        background: #fff;
        border-bottom: 1px solid var(--mes-bg-alt);
      }
      nav ul {
        max-width: 840px;
        margin: 0 auto;
        padding: 8px 16px;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 24px;
        list-style: none;
      }
      a {
        color: var(--mes-primary);
        font-weight: 600;
        text-underline-offset: 3px;
        display: inline-block;
        padding: 8px 0;
      }
      :focus-visible {
        outline: 3px solid var(--mes-focus);
        outline-offset: 2px;
      }
      main {
        max-width: 840px;
        margin: 0 auto;
        padding: 24px 16px 48px;
        overflow-wrap: anywhere;
      }
      h1,
      h2,
      h3 {
        color: var(--mes-title);
        line-height: 1.25;
      }
      h1 {
        font-size: clamp(1.5rem, 1.2rem + 1.2vw, 2rem);
        margin: 0 0 16px;
      }
      h2 {
        font-size: 1.25rem;
        margin: 32px 0 8px;
      }
      h3 {
        font-size: 1.0625rem;
        margin: 20px 0 8px;
      }
      p,
      li {
        max-width: 70ch;
      }
      main li + li {
        margin-top: 6px;
      }
      .notice {
        margin: 0 0 16px;
        padding: 12px 16px;
        border-left: 4px solid var(--mes-secondary);
        background: #fdeef6;
        color: var(--mes-title);
      }
    `,
  ];

  private unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLanguageChanged(() => {
      this.syncDocument();
      this.requestUpdate();
    });
    const lang = new URLSearchParams(location.search).get('lang');
    if ((lang === 'fr' || lang === 'en') && lang !== currentLanguage()) void setLanguage(lang);
    this.syncDocument();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** The page's title and language follow the statement's language (WCAG 2.4.2, 3.1.1). */
  private syncDocument(): void {
    document.title = t('a11y:pageTitle');
    document.documentElement.lang = currentLanguage();
  }

  private list(key: string): TemplateResult {
    const items = i18next.t(key, { returnObjects: true }) as unknown;
    const texts = Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : [];
    return html`<ul>
      ${texts.map((text) => html`<li>${text}</li>`)}
    </ul>`;
  }

  private paragraphs(key: string): TemplateResult[] {
    const items = i18next.t(key, { returnObjects: true }) as unknown;
    const texts = Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : [];
    return texts.map((text) => html`<p>${text}</p>`);
  }

  override render(): TemplateResult {
    return html`
      <nav aria-label=${t('a11y:nav.label')}>
        <ul>
          <li><a href="./">${t('a11y:nav.tutorial')}</a></li>
          <li><a href="?view=site">${t('a11y:nav.site')}</a></li>
        </ul>
      </nav>
      <main>
        <h1>${t('a11y:title')}</h1>
        <p class="notice">${t('a11y:fictitious')}</p>
        ${this.paragraphs('a11y:intro')}

        <h2>${t('a11y:status.title')}</h2>
        <p>${t('a11y:status.text')}</p>

        <h2>${t('a11y:results.title')}</h2>
        <p>${t('a11y:results.intro')}</p>
        ${this.list('a11y:results.items')}

        <h2>${t('a11y:nonAccessible.title')}</h2>
        <h3>${t('a11y:nonAccessible.nonCompliance.title')}</h3>
        ${this.list('a11y:nonAccessible.nonCompliance.items')}
        <h3>${t('a11y:nonAccessible.derogation.title')}</h3>
        <p>${t('a11y:nonAccessible.derogation.text')}</p>
        <h3>${t('a11y:nonAccessible.exempt.title')}</h3>
        <p>${t('a11y:nonAccessible.exempt.text')}</p>

        <h2>${t('a11y:establishment.title')}</h2>
        <p>${t('a11y:establishment.text')}</p>
        <h3>${t('a11y:establishment.technologies.title')}</h3>
        ${this.list('a11y:establishment.technologies.items')}
        <h3>${t('a11y:establishment.environment.title')}</h3>
        <p>${t('a11y:establishment.environment.text')}</p>
        <h3>${t('a11y:establishment.tools.title')}</h3>
        ${this.list('a11y:establishment.tools.items')}
        <h3>${t('a11y:establishment.pages.title')}</h3>
        ${this.list('a11y:establishment.pages.items')}

        <h2>${t('a11y:feedback.title')}</h2>
        <p>${t('a11y:feedback.text')}</p>
        <p>${t('a11y:feedback.contact')}</p>

        <h2>${t('a11y:recourse.title')}</h2>
        <p>${t('a11y:recourse.text')}</p>
        ${this.list('a11y:recourse.items')}
        <p>${t('a11y:recourse.note')}</p>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-a11y-statement': MesA11yStatement;
  }
}
