import { html, type TemplateResult } from 'lit';
import type { ScreenId, SiteContext } from './types';
import './screens';

/** The element of each screen of the recreated site, given the machine's context. */
export function renderScreen(screen: ScreenId, ctx: SiteContext): TemplateResult {
  switch (screen) {
    case 'home':
      return html`<mes-screen-home data-screen="home" .ctx=${ctx}></mes-screen-home>`;
    case 'start':
      return html`<mes-screen-start data-screen="start" .ctx=${ctx}></mes-screen-start>`;
    case 'identify':
      return html`<mes-screen-identify data-screen="identify" .ctx=${ctx}></mes-screen-identify>`;
    case 'decision':
      return html`<mes-screen-decision data-screen="decision" .ctx=${ctx}></mes-screen-decision>`;
    case 'confirmOpposition':
      return html`<mes-screen-confirm-opposition data-screen="confirmOpposition" .ctx=${ctx}></mes-screen-confirm-opposition>`;
    case 'opposed':
      return html`<mes-screen-opposed data-screen="opposed" .ctx=${ctx}></mes-screen-opposed>`;
    case 'contacts':
      return html`<mes-screen-contacts data-screen="contacts" .ctx=${ctx}></mes-screen-contacts>`;
    case 'editContact':
      return html`<mes-screen-edit-contact data-screen="editContact" .ctx=${ctx}></mes-screen-edit-contact>`;
    case 'verifyContact':
      return html`<mes-screen-verify-contact data-screen="verifyContact" .ctx=${ctx}></mes-screen-verify-contact>`;
    case 'credentials':
      return html`<mes-screen-credentials data-screen="credentials" .ctx=${ctx}></mes-screen-credentials>`;
    case 'activated':
      return html`<mes-screen-activated data-screen="activated" .ctx=${ctx}></mes-screen-activated>`;
    case 'newCode':
      return html`<mes-screen-new-code data-screen="newCode" .ctx=${ctx}></mes-screen-new-code>`;
    case 'delivery':
      return html`<mes-screen-delivery data-screen="delivery" .ctx=${ctx}></mes-screen-delivery>`;
    case 'codeSent':
      return html`<mes-screen-code-sent data-screen="codeSent" .ctx=${ctx}></mes-screen-code-sent>`;
    case 'blocked':
      return html`<mes-screen-blocked data-screen="blocked" .ctx=${ctx}></mes-screen-blocked>`;
    case 'notCovered':
      return html`<mes-screen-not-covered data-screen="notCovered" .ctx=${ctx}></mes-screen-not-covered>`;
  }
}

/** Moves focus to the title of the screen just shown, as a page load would announce it. */
export async function focusScreenTitle(root: ParentNode): Promise<void> {
  const el = root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('[data-screen]');
  if (!el) return;
  await el.updateComplete;
  const title = el.shadowRoot?.querySelector<HTMLElement>('h1');
  if (title) {
    title.tabIndex = -1;
    title.focus({ preventScroll: false });
  }
}
