import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { SlideElement, wordmark } from './slide-element';
import { slideStyles } from './slide-styles';

const GOALS = ['decide', 'newCode', 'contacts'] as const;

/** T1: the cover (title, « Pas à pas », date of the screens) and « Bienvenue ! » with the three goals. */
@customElement('mes-slide-cover')
export class MesSlideCover extends SlideElement {
  static override styles = [
    slideStyles,
    css`
      .content {
        display: grid;
        gap: 1.5em 3em;
        grid-template-columns: 1fr;
      }
      .title-block {
        display: flex;
        flex-direction: column;
        gap: 0.6em;
      }
      h1 {
        color: var(--slide-primary);
        font-size: 2.2em;
        margin-top: 0.6em;
      }
      .subtitle {
        margin: 0;
        font-size: 1.5em;
        font-weight: 700;
        color: var(--slide-secondary);
        text-transform: uppercase;
        letter-spacing: 0.08em;
      }
      .date {
        font-style: italic;
        margin: 0;
      }
      .welcome {
        background: var(--slide-bg);
        border-radius: 12px;
        padding: 1.2em 1.4em;
        border-left: 6px solid var(--slide-primary);
      }
      .welcome h2 {
        font-size: 1.8em;
        margin-bottom: 0.5em;
      }
      .intro {
        font-weight: 700;
        color: var(--slide-title);
      }
      .goals {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: 0.6em;
      }
      .goals li {
        position: relative;
        padding-left: 1.6em;
      }
      .goals li::before {
        content: '';
        position: absolute;
        left: 0.2em;
        top: 0.45em;
        width: 0.6em;
        height: 0.6em;
        border-radius: 50%;
        background: var(--slide-secondary);
      }
      @media (min-width: 768px) and (min-height: 460px) {
        .content {
          grid-template-columns: 1fr 1.15fr;
          align-items: center;
          padding-top: 5cqw;
        }
        .wordmark svg {
          height: 4em;
        }
      }
    `,
  ];

  override render() {
    return html`<div class="stage">
      <article class="slide" aria-labelledby="title">
        <div class="content">
          <div class="title-block">
            ${wordmark()}
            <h1 id="title" tabindex="-1">${t('slides:cover.title')}</h1>
            <p class="subtitle">${t('slides:cover.subtitle')}</p>
            <p class="date">${t('slides:cover.screensDate')}</p>
          </div>
          <div class="welcome">
            <h2 id="welcome">${t('slides:cover.welcome')}</h2>
            <p class="intro">${t('slides:cover.intro')}</p>
            <p>${t('slides:cover.goalsIntro')}</p>
            <ul class="goals">
              ${GOALS.map((goal) => html`<li>${t(`slides:cover.goals.${goal}`)}</li>`)}
            </ul>
          </div>
        </div>
      </article>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-slide-cover': MesSlideCover;
  }
}
