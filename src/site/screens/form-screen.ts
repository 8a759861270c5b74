import type { PropertyValues } from 'lit';
import type { FormName } from '../types';
import { SiteScreen } from './site-screen';

/**
 * A screen with a form: field errors by name, the submission refused while a request is in flight
 * (aria-disabled keeps the button focusable and announced), and the focus on the first field in error
 * when a refusal brings errors that were not shown yet, as a screen reader user needs. Errors that clear
 * as the user types move nothing.
 */
export abstract class FormScreen extends SiteScreen {
  protected abstract readonly formName: FormName;

  private shownErrors = new Set<string>();

  /** Translated error of `form.field`, or '' when the field is valid. */
  protected errorText(field: string): string {
    return this.message(this.fieldError(`${this.formName}.${field}`));
  }

  protected handleFormSubmit(event: Event): void {
    event.preventDefault();
    if (this.ctx.busy) return;
    this.emit({ type: 'SUBMIT' });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('ctx') || !this.ctx || this.ctx.busy) return;
    const prefix = `${this.formName}.`;
    const keys = Object.keys(this.ctx.fieldErrors).filter((key) => key.startsWith(prefix));
    const appeared = keys.some((key) => !this.shownErrors.has(key));
    this.shownErrors = new Set(keys);
    if (appeared) this.focusFirstInvalid();
  }

  protected focusFirstInvalid(): void {
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    if (invalid.matches('fieldset, [role="radiogroup"]')) {
      const radio = invalid.querySelector<HTMLInputElement>('input:checked') ?? invalid.querySelector<HTMLInputElement>('input');
      radio?.focus();
    } else {
      invalid.focus();
    }
  }
}
