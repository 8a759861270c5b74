import { css } from 'lit';

/**
 * The look of the call-centre screens: the app's palette (DESIGN.md §5), quieter than the recreated
 * site so that the two read as two different things — the agent's desk and the caller's screen.
 */
export const deskStyles = css`
  :host {
    display: block;
    color: var(--mes-body);
  }
  * {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3,
  h4 {
    color: var(--mes-title);
    line-height: 1.25;
    margin: 0 0 8px;
  }
  h1 {
    font-size: clamp(1.375rem, 1.1rem + 1vw, 1.75rem);
  }
  h2 {
    font-size: 1.125rem;
  }
  h3 {
    font-size: 1rem;
  }
  p {
    margin: 0 0 10px;
  }
  :focus-visible {
    outline: 3px solid var(--mes-focus);
    outline-offset: 2px;
  }
  a {
    color: var(--mes-primary);
    font-weight: 600;
  }
  button {
    font: inherit;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 40px;
    padding: 6px 18px;
    border-radius: 999px;
    border: 2px solid var(--mes-primary);
    background: #fff;
    color: var(--mes-primary);
    font-weight: 700;
    cursor: pointer;
    text-decoration: none;
    text-align: center;
  }
  .btn.primary {
    background: var(--mes-primary);
    color: #fff;
  }
  .btn.danger {
    border-color: #b3303f;
    color: #b3303f;
  }
  .btn[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .panel {
    background: #fff;
    border: 1px solid var(--mes-bg-alt);
    border-radius: 12px;
    padding: 16px;
    margin: 0 0 16px;
  }
  .quote {
    margin: 0 0 12px;
    padding: 10px 14px;
    border-left: 4px solid var(--mes-secondary);
    background: #fdf3f8;
    color: var(--mes-title);
    font-style: italic;
  }
  .badge {
    display: inline-block;
    padding: 2px 10px;
    border-radius: 999px;
    background: var(--mes-bg-alt);
    color: var(--mes-title);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .ok {
    color: var(--mes-success);
  }
  .ko {
    color: #b3303f;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .field label {
    font-weight: 600;
    color: var(--mes-title);
  }
  input[type='text'],
  input[type='search'],
  select {
    font: inherit;
    min-height: 40px;
    padding: 6px 10px;
    border: 1px solid #7a85a3;
    border-radius: 8px;
    background: #fff;
    color: var(--mes-title);
  }
  input[aria-invalid='true'] {
    border-color: #b3303f;
    box-shadow: 0 0 0 1px #b3303f;
  }
  .error {
    color: #b3303f;
    font-weight: 600;
    margin: 4px 0 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375rem;
  }
  caption {
    text-align: left;
    font-weight: 700;
    color: var(--mes-title);
    padding: 0 0 6px;
  }
  th,
  td {
    text-align: left;
    padding: 6px 8px;
    border-bottom: 1px solid var(--mes-bg-alt);
    vertical-align: top;
  }
  th {
    color: var(--mes-title);
  }
`;
