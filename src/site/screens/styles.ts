import { css } from 'lit';

/**
 * The recreated site's look: the real app's palette (DESIGN.md §5) and Open Sans, shared by every
 * screen so that they read as one site.
 */
export const tokens = css`
  :host {
    --mes-primary: #0c419a;
    --mes-secondary: #d81e7e;
    --mes-title: #262939;
    --mes-body: #495574;
    --mes-error: #c7414f;
    --mes-success: #1e7b6f;
    --mes-focus: #0c75f6;
    --mes-bg: #f9faff;
    --mes-bg-alt: #e7ecfa;
    --mes-radius: 8px;
    font-family: 'Open Sans', system-ui;
    color: var(--mes-body);
    line-height: 1.5;
  }
`;

export const screenStyles = css`
  :host {
    display: block;
  }
  * {
    box-sizing: border-box;
  }
  .screen {
    max-width: 640px;
    margin: 0 auto;
    padding: 24px 16px 48px;
  }
  .screen.wide {
    max-width: 960px;
  }
  h1,
  h2,
  h3 {
    color: var(--mes-title);
    line-height: 1.25;
  }
  h1 {
    font-size: clamp(1.5rem, 1.2rem + 1.2vw, 2rem);
    margin: 0 0 12px;
    display: flex;
    align-items: center;
    gap: 8px;
  }
  h2 {
    font-size: 1.25rem;
  }
  p {
    margin: 0 0 12px;
  }
  a,
  .link {
    color: var(--mes-primary);
    font-weight: 600;
    text-decoration: underline;
    background: none;
    border: 0;
    padding: 0;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-align: left;
  }
  :focus-visible {
    outline: 3px solid var(--mes-focus);
    outline-offset: 2px;
  }
  .back {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    border: 0;
    background: transparent;
    color: var(--mes-primary);
    cursor: pointer;
    font-size: 1.5rem;
    flex: none;
  }
  .back:hover {
    background: var(--mes-bg-alt);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin: 0 0 20px;
  }
  label,
  legend {
    color: var(--mes-title);
    font-weight: 600;
  }
  .hint {
    font-size: 0.875rem;
    color: var(--mes-body);
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='password'] {
    font: inherit;
    color: var(--mes-title);
    padding: 10px 12px;
    border: 1px solid #8a94b0;
    border-radius: var(--mes-radius);
    background: #fff;
    width: 100%;
    min-height: 44px;
  }
  input[aria-invalid='true'] {
    border-color: var(--mes-error);
    border-width: 2px;
  }
  .error {
    color: var(--mes-error);
    font-size: 0.875rem;
    font-weight: 600;
    margin: 0;
  }
  .error::before {
    content: '⚠ ';
  }
  .form-error {
    border-left: 4px solid var(--mes-error);
    background: #fdf1f2;
    /* The palette's error red is a little light on this pink for AA text: darkened here only. */
    color: #b3303f;
    padding: 12px 16px;
    border-radius: 4px;
    margin: 0 0 16px;
    font-weight: 600;
  }
  .notice {
    border-left: 4px solid var(--mes-success);
    background: #eaf6f4;
    color: var(--mes-success);
    padding: 12px 16px;
    border-radius: 4px;
    margin: 0 0 16px;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    justify-content: flex-end;
    margin-top: 24px;
  }
  .btn {
    font: inherit;
    font-weight: 700;
    min-height: 44px;
    padding: 10px 24px;
    border-radius: 999px;
    cursor: pointer;
    border: 2px solid var(--mes-primary);
  }
  .btn-primary {
    background: var(--mes-primary);
    color: #fff;
  }
  .btn-primary:hover {
    background: #09327a;
  }
  .btn-secondary {
    background: #fff;
    color: var(--mes-primary);
  }
  .btn[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .card {
    background: #fff;
    border-radius: 12px;
    box-shadow: 0 2px 12px rgba(12, 65, 154, 0.08);
    padding: 24px;
  }
  .radio-group {
    border: 0;
    padding: 0;
    margin: 0 0 20px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .radio {
    display: flex;
    align-items: center;
    gap: 10px;
    font-weight: 400;
    color: var(--mes-title);
    cursor: pointer;
  }
  .radio input,
  .checkbox input {
    width: 20px;
    height: 20px;
    accent-color: var(--mes-primary);
    flex: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  /* Title with its back arrow beside it: the arrow stays out of the heading's accessible name. */
  .heading-row {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0 0 12px;
  }
  .heading-row h1 {
    margin: 0;
  }
  .icon {
    flex: none;
  }
  /* The 3422 line, as the real site prints it under its help and error pages. */
  .phone-block {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 16px;
    padding: 16px;
    margin: 24px 0 0;
    border-radius: var(--mes-radius);
    background: var(--mes-bg-alt);
    color: var(--mes-title);
  }
  .phone-block .phone-number {
    font-size: 1.5rem;
    font-weight: 700;
    color: var(--mes-primary);
    border: 2px solid var(--mes-primary);
    border-radius: 6px;
    padding: 0 10px;
  }
  .phone-block p {
    margin: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
