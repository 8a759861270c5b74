import { css } from 'lit';

/**
 * The pas à pas's own look: a clean presentation slide, a white page on the light background, the
 * real app's palette (DESIGN.md §5) and Open Sans.
 *
 * On a large screen the page keeps a 16:9 shape and fills the room it is given, its text scaling with
 * its width as a projected slide does (`cqw` units of the page). The room's height is
 * `--mes-slide-max-height` (the viewport by default; the tutorial lowers it when its own bars take
 * space). On a phone, or any narrow or short window, the page reflows as an ordinary document.
 */
export const slideStyles = css`
  :host {
    --slide-primary: #0c419a;
    --slide-secondary: #d81e7e;
    --slide-title: #262939;
    --slide-body: #495574;
    --slide-focus: #0c75f6;
    --slide-bg: #f9faff;
    --slide-bg-alt: #e7ecfa;
    display: block;
    height: 100%;
    box-sizing: border-box;
    font-family: 'Open Sans', system-ui;
    color: var(--slide-body);
    background: var(--slide-bg);
    line-height: 1.5;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .stage {
    min-height: 100%;
    padding: 12px;
  }
  .slide {
    position: relative;
    background: #fff;
    border-radius: 8px;
    box-shadow: 0 2px 16px rgba(12, 65, 154, 0.1);
    container-type: inline-size;
    overflow: hidden;
  }
  .content {
    padding: 24px 16px 32px;
    font-size: 1rem;
  }
  /* A thin band of the two accents along the top edge: the slide's signature. */
  .slide::before {
    content: '';
    position: absolute;
    inset: 0 0 auto 0;
    height: 6px;
    background: linear-gradient(90deg, var(--slide-primary) 0 70%, var(--slide-secondary) 70% 100%);
  }

  @media (min-width: 768px) and (min-height: 460px) {
    .stage {
      height: 100%;
      display: flex;
      align-items: center;
      justify-content: center;
      padding: 2vmin;
    }
    .slide {
      flex: none;
      width: min(100%, calc((var(--mes-slide-max-height, 100vh) - 4vmin) * 16 / 9));
      aspect-ratio: 16 / 9;
    }
    .content {
      height: 100%;
      padding: 3.6cqw 5cqw 3cqw;
      font-size: clamp(12px, 1.45cqw, 30px);
      overflow: auto;
    }
  }

  h1,
  h2,
  h3 {
    color: var(--slide-title);
    line-height: 1.2;
    margin: 0;
  }
  h1 {
    font-size: 2em;
    font-weight: 700;
  }
  h1:focus {
    /* Focused by the tutorial on each slide change for screen readers, not by the user. */
    outline: none;
  }
  h2 {
    font-size: 1.35em;
    font-weight: 700;
  }
  h3 {
    font-size: 1.1em;
    font-weight: 700;
  }
  p {
    margin: 0 0 0.6em;
  }
  ul,
  ol {
    margin: 0 0 0.6em;
    padding-left: 1.4em;
  }
  b,
  strong {
    color: var(--slide-title);
    font-weight: 700;
  }
  :focus-visible {
    outline: 3px solid var(--slide-focus);
    outline-offset: 2px;
  }
  .kicker {
    margin: 0 0 0.3em;
    color: var(--slide-secondary);
    font-weight: 700;
    font-size: 0.85em;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  .rule {
    width: 3.5em;
    height: 4px;
    border: 0;
    margin: 0.5em 0 1em;
    background: var(--slide-secondary);
    border-radius: 2px;
  }
  .wordmark svg {
    display: block;
    height: 3em;
    width: auto;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font: inherit;
    font-weight: 700;
    min-height: 44px;
    padding: 0.55em 1.4em;
    border-radius: 999px;
    border: 2px solid var(--slide-primary);
    background: var(--slide-primary);
    color: #fff;
    cursor: pointer;
    text-align: left;
  }
  .btn:hover {
    background: #09327a;
  }
  .btn[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .btn-secondary {
    background: #fff;
    color: var(--slide-primary);
  }
  .btn-secondary:hover {
    background: var(--slide-bg-alt);
  }
  .btn svg {
    width: 1.2em;
    height: 1.2em;
    flex: none;
  }
  kbd {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2em;
    padding: 0.1em 0.5em;
    border: 1px solid #8a94b0;
    border-bottom-width: 3px;
    border-radius: 6px;
    background: #fff;
    color: var(--slide-title);
    font: inherit;
    font-weight: 700;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
