import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SlideElement, wordmark } from './slide-element';
import { slideStyles } from './slide-styles';

/** A section separator of the pas à pas (e.g. « Activer -ou s'opposer à- Mon espace santé »). */
@customElement('mes-slide-section')
export class MesSlideSection extends SlideElement {
  static override styles = [
    slideStyles,
    css`
      .slide {
        background: var(--slide-primary);
      }
      .slide::before {
        background: var(--slide-secondary);
      }
      .content {
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 1em;
        min-height: 50vh;
      }
      .wordmark {
        align-self: flex-start;
        background: #fff;
        border-radius: 10px;
        padding: 0.5em 0.7em;
      }
      h1 {
        color: #fff;
        font-size: 2.6em;
        max-width: 22em;
      }
      .rule {
        background: #fff;
        margin: 0;
      }
      @media (min-width: 768px) and (min-height: 460px) {
        .content {
          min-height: 0;
          padding-left: 8cqw;
        }
      }
    `,
  ];

  /** The section's title, already translated by whoever places the slide. */
  @property() heading = '';

  override render() {
    return html`<div class="stage">
      <article class="slide" aria-labelledby="title">
        <div class="content">
          ${wordmark()}
          <hr class="rule" />
          <h1 id="title" tabindex="-1">${this.heading}</h1>
        </div>
      </article>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-slide-section': MesSlideSection;
  }
}
