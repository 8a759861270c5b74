import { css } from 'lit';

/**
 * The two « La notification de l'utilisateur » slides (T4, T5) share a layout: the seed's
 * explanation on the left, the document itself on the right, in a pane that scrolls on its own
 * when the slide keeps its 16:9 shape.
 */
export const noticeStyles = css`
  .content {
    display: flex;
    flex-direction: column;
  }
  .columns {
    display: grid;
    grid-template-columns: 1fr;
    gap: 1.2em 2em;
  }
  .explain .lead {
    color: var(--slide-title);
  }
  .triangles {
    list-style: none;
    padding: 0;
  }
  .triangles li {
    position: relative;
    padding-left: 1.4em;
    margin-bottom: 0.35em;
  }
  .triangles li::before {
    content: '▶';
    position: absolute;
    left: 0;
    color: var(--slide-secondary);
    font-size: 0.8em;
    top: 0.15em;
  }
  .children {
    margin-top: 1em;
    padding: 0.8em 1em;
    border-radius: 12px;
    background: #fdf0f6;
    border-left: 5px solid var(--slide-secondary);
  }
  .children h2 {
    font-size: 1.1em;
    margin-bottom: 0.3em;
    color: var(--slide-title);
  }
  .children p {
    margin: 0;
  }
  .code {
    font-family: ui-monospace, 'DejaVu Sans Mono', 'Courier New', monospace;
    font-weight: 700;
    letter-spacing: 0.08em;
    color: var(--slide-title);
  }
  @media (min-width: 768px) and (min-height: 460px) {
    /* Two documents share the page with the explanation: a more compact title leaves them room. */
    h1 {
      font-size: 1.7em;
    }
    .rule {
      margin: 0.4em 0 0.8em;
    }
    .explain {
      font-size: 0.92em;
    }
    .columns {
      flex: 1;
      min-height: 0;
      grid-template-columns: minmax(0, 0.85fr) minmax(0, 1.4fr);
    }
    .explain {
      overflow: auto;
    }
    .pane {
      min-height: 0;
      overflow: auto;
    }
  }
`;
