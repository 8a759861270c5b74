import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createActor, waitFor } from 'xstate';
import type { OppositionProof } from '../api/types';
import '../app/site-frame';
import { onLanguageChanged, t } from '../i18n';
import { ScenarioError, formatIssue } from '../scenarios/load';
import type { Callout, Journey, PersonaData, Scenario, Step, WorldData } from '../scenarios/schema';
import { createSiteMachine, screenOf, type SiteActor, type SiteApi, type SiteSnapshot } from '../site/machine';
import { renderScreen } from '../site/render';
import { SCREEN_IDS, type ScreenId, type SiteEvent } from '../site/types';
import { fillTemplate, personaValues } from '../tutorial/values';
import { draftKey, previewUrl } from './draft';
import {
  defaultValue,
  emptyCallout,
  fieldOfHotspot,
  makeStep,
  moveItem,
  sendAction,
  suggestValue,
  uniqueStepId,
  valueOfHotspot,
  withoutBlankCallouts,
} from './steps';
import { exportScenario, importScenario } from './yaml';

/** What the editor needs around it: the site's API and the simulated backend's world. */
export interface AuthoringDeps {
  api: SiteApi;
  /** Puts a scenario's world into the simulated backend, at its start. */
  loadWorld(world: WorldData): Promise<void>;
  /** Puts the current world back at its start. */
  reset(): Promise<void>;
  deliverProof(proof: OppositionProof): void;
}

const MODES = ['demo', 'guided', 'practice', 'evaluation'] as const;
const SCREENS: readonly ScreenId[] = SCREEN_IDS;
const KINDS: readonly Callout['kind'][] = ['step', 'case', 'note'];
const ID = /^[a-z0-9-]+$/;

const idle = (s: SiteSnapshot) => Object.keys(s.children).length === 0 && !s.context.busy;

/**
 * The trainer's editor: the live simulated site on the left, used normally; « Ajouter une étape » turns
 * the next click on it into a step attached to the clicked zone (a field gives a `fill`, a button is
 * played once and the event it sends is recorded); the steps, their callouts, hints and notes on the
 * right; preview in the player, import and export as YAML.
 */
@customElement('mes-authoring-editor')
export class MesAuthoringEditor extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: 'Open Sans', system-ui;
      color: #262939;
      background: #f9faff;
      min-height: 100vh;
    }
    * {
      box-sizing: border-box;
    }
    :focus-visible {
      outline: 3px solid #0c75f6;
      outline-offset: 2px;
    }
    .head {
      padding: 12px 16px;
      background: #fff;
      border-bottom: 1px solid #d5dcf0;
    }
    h1 {
      margin: 0 0 4px;
      font-size: 1.375rem;
      color: #0c419a;
    }
    h2 {
      font-size: 1.0625rem;
      margin: 0 0 8px;
      color: #0c419a;
    }
    h3 {
      font-size: 1rem;
      margin: 12px 0 6px;
    }
    p {
      margin: 0 0 8px;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(340px, 2fr);
      gap: 16px;
      padding: 16px;
      align-items: start;
    }
    /* On a wide screen the site stays in view while the trainer writes in the long column. */
    @media (min-width: 961px) {
      .layout > .site-column {
        position: sticky;
        top: 8px;
      }
    }
    @media (max-width: 960px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
        padding: 8px;
      }
    }
    .panel {
      background: #fff;
      border: 1px solid #d5dcf0;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 16px;
      min-width: 0;
    }
    .site-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .site-bar .screen {
      margin: 0 auto 0 0;
      font-weight: 600;
    }
    .site {
      border: 2px solid #d5dcf0;
      border-radius: 8px;
      overflow: hidden;
      min-height: 480px;
    }
    .site.picking {
      border-color: #c7117a;
      box-shadow: 0 0 0 3px #fdeef6;
      cursor: crosshair;
    }
    .banner {
      margin: 0 0 8px;
      padding: 8px 12px;
      background: #fdeef6;
      border-left: 4px solid #c7117a;
      color: #5c0a37;
      font-weight: 600;
    }
    button {
      font: inherit;
      font-weight: 600;
      color: #0c419a;
      background: #fff;
      border: 2px solid #0c419a;
      border-radius: 999px;
      padding: 6px 14px;
      min-height: 40px;
      cursor: pointer;
    }
    button.primary,
    button[aria-pressed='true'] {
      background: #0c419a;
      color: #fff;
    }
    button.small {
      min-height: 36px;
      padding: 4px 10px;
      font-size: 0.875rem;
    }
    button.danger {
      color: #a52834;
      border-color: #a52834;
    }
    button[aria-disabled='true'] {
      opacity: 0.55;
      cursor: not-allowed;
    }
    label {
      display: block;
      font-weight: 600;
      margin: 8px 0 4px;
    }
    .hint {
      display: block;
      font-size: 0.8125rem;
      color: #495574;
      margin-bottom: 4px;
    }
    input,
    select,
    textarea {
      font: inherit;
      width: 100%;
      padding: 6px 8px;
      border: 1px solid #6b7594;
      border-radius: 6px;
      background: #fff;
      color: #262939;
    }
    textarea {
      min-height: 64px;
      resize: vertical;
    }
    textarea.yaml {
      min-height: 200px;
      font-family: ui-monospace, monospace;
      font-size: 0.8125rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-end;
    }
    .row > * {
      flex: 1 1 140px;
      min-width: 0;
    }
    .row > button {
      flex: 0 0 auto;
    }
    ol.steps {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 420px;
      overflow: auto;
    }
    ol.steps li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      padding: 6px;
      border-bottom: 1px solid #e7ecfa;
    }
    ol.steps li.selected {
      background: #e7ecfa;
    }
    ol.steps li.drop {
      box-shadow: inset 0 3px 0 #c7117a;
    }
    .step-pick {
      flex: 1 1 180px;
      text-align: left;
      border-radius: 6px;
      border-width: 1px;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .step-pick small {
      display: block;
      font-weight: 400;
      color: #495574;
    }
    fieldset {
      border: 1px solid #d5dcf0;
      border-radius: 6px;
      margin: 8px 0;
      padding: 4px 10px 10px;
    }
    legend {
      font-weight: 700;
      padding: 0 4px;
    }
    .action {
      margin: 4px 0;
      padding: 6px 8px;
      background: #f1f4fc;
      border-radius: 6px;
      font-family: ui-monospace, monospace;
      font-size: 0.875rem;
      overflow-wrap: anywhere;
    }
    .errors {
      margin: 8px 0;
      padding: 8px 12px;
      border-left: 4px solid #b3303f;
      background: #fdf1f2;
      white-space: pre-wrap;
      font-family: ui-monospace, monospace;
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }
    .ok {
      color: #18753c;
      font-weight: 600;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `;

  /** The scenario being written; set by the shell, then changed by the editor. */
  @property({ attribute: false }) scenario: Scenario | null = null;
  /** Shipped scenarios the trainer may open, by id. */
  @property({ attribute: false }) catalogue: ReadonlyMap<string, Scenario> = new Map();
  @property({ attribute: false }) deps: AuthoringDeps | null = null;

  @state() private site: SiteSnapshot | null = null;
  @state() private picking = false;
  @state() private selected = -1;
  @state() private journey = '';
  @state() private status = '';
  @state() private importErrors: string[] = [];
  @state() private bootError = '';
  @state() private dragFrom = -1;
  @state() private dropAt = -1;

  private actor: SiteActor | null = null;
  /** While a picked button is played once, the event it sends. */
  private recording: SiteEvent[] | null = null;
  private worldOf: Scenario | null = null;
  /** The element to focus once the next render is done. */
  private focusAfter: string | null = null;
  private cleanups: Array<() => void> = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.cleanups.push(onLanguageChanged(() => this.requestUpdate()));
    this.addEventListener('mes-intent', this.handleIntent);
    this.addEventListener('keydown', this.handleKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.removeEventListener('mes-intent', this.handleIntent);
    this.removeEventListener('keydown', this.handleKeydown);
    this.actor?.stop();
    this.actor = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A scenario from outside (the shell, an import): its world runs on the site, from the start.
    if ((changed.has('scenario') || changed.has('deps')) && this.scenario && this.deps && this.worldOf !== this.scenario) {
      this.worldOf = this.scenario;
      this.journey = this.scenario.tutorial?.journeys[0]?.id ?? '';
      this.selected = -1;
      void this.startWorld(this.scenario.world);
    }
  }

  protected override updated(): void {
    if (this.focusAfter) {
      const el = this.renderRoot.querySelector<HTMLElement>(this.focusAfter);
      this.focusAfter = null;
      el?.focus();
    }
  }

  /** The site's current screen, for tests and for the steps recorded. */
  get currentScreen(): ScreenId | null {
    return this.site ? screenOf(this.site) : null;
  }

  /** The scenario as the editor holds it now. */
  get draft(): Scenario | null {
    return this.scenario;
  }

  // ---------------------------------------------------------------------------------------------
  // The live site

  private async startWorld(world: WorldData): Promise<void> {
    try {
      await this.deps?.loadWorld(world);
      this.startSite();
    } catch (error) {
      this.bootError = error instanceof Error ? error.message : String(error);
    }
  }

  private startSite(): void {
    if (!this.deps) return;
    this.actor?.stop();
    const machine = createSiteMachine({ api: this.deps.api, deliverProof: (proof) => this.deps?.deliverProof(proof) });
    const actor = createActor(machine, { input: { ruleSet: this.scenario?.world.ruleSet } });
    actor.subscribe({
      next: (snapshot) => (this.site = snapshot),
      error: (error) => (this.bootError = error instanceof Error ? error.message : String(error)),
    });
    this.actor = actor;
    actor.start();
  }

  private async handleRestart(): Promise<void> {
    try {
      await this.deps?.reset();
      this.startSite();
      this.status = t('authoring:site.restarted');
    } catch (error) {
      this.bootError = error instanceof Error ? error.message : String(error);
    }
  }

  private readonly handleIntent = (event: CustomEvent<SiteEvent>): void => {
    event.stopPropagation();
    this.recording?.push(event.detail);
    this.actor?.send(event.detail);
  };

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.picking) {
      event.preventDefault();
      this.picking = false;
      this.status = t('authoring:site.cancelled');
      this.focusAfter = '[data-action="add-step"]';
    }
  };

  private togglePicking(): void {
    this.picking = !this.picking;
    this.status = this.picking ? t('authoring:site.picking') : t('authoring:site.cancelled');
  }

  /** Capture phase: in « Ajouter une étape », the click picks a zone instead of reaching the site. */
  private readonly siteClick = {
    capture: true,
    handleEvent: (event: MouseEvent): void => {
      if (!this.picking) return;
      event.preventDefault();
      event.stopPropagation();
      const zone = event
        .composedPath()
        .find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-hotspot'));
      if (!zone) {
        this.status = t('authoring:site.noZone');
        return;
      }
      this.picking = false;
      void this.recordStep(zone);
    },
  };

  private personaOf(scenario: Scenario): PersonaData | undefined {
    return scenario.world.personas.find((p) => p.id === scenario.tutorial?.persona) ?? scenario.world.personas[0];
  }

  private async recordStep(zone: HTMLElement): Promise<void> {
    const scenario = this.scenario;
    const actor = this.actor;
    if (!scenario || !actor) return;
    const target = zone.dataset['hotspot'] ?? '';
    const before = actor.getSnapshot();
    const screen = screenOf(before);
    const persona = this.personaOf(scenario);
    const values = persona ? personaValues(persona) : {};
    const steps = scenario.tutorial?.steps ?? [];
    const id = uniqueStepId(screen, target, steps.map((s) => s.id));
    const journey = this.journey || scenario.tutorial?.journeys[0]?.id || 'parcours';
    const field = fieldOfHotspot(screen, target);
    let step: Step;
    let notice = t('authoring:site.recorded', { id, target });
    if (field) {
      const forms = before.context.forms as unknown as Record<string, Record<string, string | boolean>>;
      const typed = valueOfHotspot(target) ?? String(forms[field.form]?.[field.field] ?? '');
      const value = typed.trim() ? suggestValue(typed, values) : defaultValue(field);
      step = makeStep({ id, journey, screen, target, action: { fill: { ...field, value } } });
      // The site goes on as the step leaves it, so the next step is recorded where it happens.
      actor.send({ type: 'FIELD', form: field.form, field: field.field, value: fillTemplate(value, values) } as SiteEvent);
    } else {
      // The zone is played once, as the trainee would click it: what it sends becomes the action.
      // After the picking click's dispatch: a click() on an element whose click is in progress does nothing.
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.recording = [];
      zone.click();
      const sent = this.recording;
      this.recording = null;
      const event = sent.find((e) => e.type !== 'FIELD' && e.type !== 'DISMISS_NOTICE') ?? sent[0];
      let after: SiteSnapshot = actor.getSnapshot();
      try {
        after = await waitFor(actor, idle, { timeout: 15_000 });
      } catch {
        after = actor.getSnapshot();
      }
      if (!event) notice = t('authoring:site.noEvent');
      step = makeStep({
        id,
        journey,
        screen,
        target,
        ...(event ? { action: sendAction(event as unknown as { type: string } & Record<string, unknown>) } : {}),
        screenAfter: screenOf(after),
      });
    }
    const numbered = steps.filter((s) => s.journey === journey).flatMap((s) => s.callouts.map((c) => c.n ?? 0));
    step.callouts = [emptyCallout(Math.max(0, ...numbered) + 1, target)];
    const at = this.selected >= 0 ? this.selected + 1 : steps.length;
    this.setSteps([...steps.slice(0, at), step, ...steps.slice(at)]);
    this.selected = at;
    this.status = notice;
    this.focusAfter = '#callout-0-text';
  }

  // ---------------------------------------------------------------------------------------------
  // The scenario

  private get steps(): Step[] {
    return this.scenario?.tutorial?.steps ?? [];
  }

  private edit(patch: (s: Scenario) => Scenario): void {
    if (!this.scenario) return;
    const next = patch(this.scenario);
    // The editor's own changes keep the site where it is.
    if (this.worldOf === this.scenario) this.worldOf = next;
    this.scenario = next;
    this.dispatchEvent(new CustomEvent('mes-authoring-change', { detail: next }));
  }

  private tutorialOf(s: Scenario): NonNullable<Scenario['tutorial']> {
    return s.tutorial ?? { persona: s.world.personas[0]?.id ?? '', journeys: [], steps: [] };
  }

  private setSteps(steps: Step[]): void {
    this.edit((s) => ({ ...s, tutorial: { ...this.tutorialOf(s), steps } }));
  }

  private patchStep(index: number, patch: (step: Step) => Step): void {
    this.setSteps(this.steps.map((s, i) => (i === index ? patch(s) : s)));
  }

  private patchCallout(index: number, c: number, patch: Partial<Callout>, remove: Array<'n' | 'target'> = []): void {
    this.patchStep(index, (step) => ({
      ...step,
      callouts: step.callouts.map((callout, i) => {
        if (i !== c) return callout;
        const next: Callout = { ...callout, ...patch };
        for (const key of remove) delete next[key];
        return next;
      }),
    }));
  }

  private move(index: number, delta: number, focus: 'up' | 'down'): void {
    const steps = this.steps;
    const to = index + delta;
    if (to < 0 || to >= steps.length) return;
    const id = steps[index]?.id ?? '';
    this.setSteps(moveItem(steps, index, delta));
    if (this.selected === index) this.selected = to;
    else if (this.selected === to) this.selected = index;
    this.status = t('authoring:steps.moved', { id, n: to + 1 });
    // Focus follows the step, on the same button unless it is now at the end that button cannot pass.
    const stays = focus === 'up' ? to > 0 : to < steps.length - 1;
    this.focusAfter = `[data-step="${to}"] [data-move="${stays ? focus : focus === 'up' ? 'down' : 'up'}"]`;
  }

  private removeStep(index: number): void {
    const steps = this.steps;
    const id = steps[index]?.id ?? '';
    this.setSteps(steps.filter((_, i) => i !== index));
    if (this.selected === index) this.selected = -1;
    else if (this.selected > index) this.selected -= 1;
    this.status = t('authoring:steps.deleted', { id });
    const next = Math.min(index, steps.length - 2);
    this.focusAfter = next >= 0 ? `[data-step="${next}"] .step-pick` : '[data-action="add-step"]';
  }

  private select(index: number): void {
    this.selected = index;
    this.focusAfter = '#step-form-heading';
  }

  private addJourney(): void {
    const idInput = this.renderRoot.querySelector<HTMLInputElement>('#new-journey-id');
    const titleInput = this.renderRoot.querySelector<HTMLInputElement>('#new-journey-title');
    const id = idInput?.value.trim() ?? '';
    const title = titleInput?.value.trim() ?? '';
    const journeys = this.scenario?.tutorial?.journeys ?? [];
    if (!ID.test(id) || !title || journeys.some((j) => j.id === id)) {
      this.status = t('authoring:meta.journeyInvalid');
      return;
    }
    const journey: Journey = { id, title, setup: [] };
    this.edit((s) => ({ ...s, tutorial: { ...this.tutorialOf(s), journeys: [...this.tutorialOf(s).journeys, journey] } }));
    this.journey = id;
    if (idInput) idInput.value = '';
    if (titleInput) titleInput.value = '';
    this.status = t('authoring:meta.journeyAdded', { title });
  }

  private openShipped(): void {
    const id = this.renderRoot.querySelector<HTMLSelectElement>('#open-shipped')?.value ?? '';
    const scenario = this.catalogue.get(id);
    if (scenario) this.load(structuredClone(scenario));
  }

  private load(scenario: Scenario): void {
    this.importErrors = [];
    this.scenario = scenario;
    this.status = t('authoring:io.imported', { id: scenario.id, count: scenario.tutorial?.steps.length ?? 0 });
    this.dispatchEvent(new CustomEvent('mes-authoring-change', { detail: scenario }));
  }

  /** Reads a YAML text as a file would be read; refused with the checker's messages. */
  importText(text: string, file: string): boolean {
    try {
      this.load(importScenario(text, file));
      return true;
    } catch (error) {
      this.importErrors = error instanceof ScenarioError ? error.issues.map((issue) => formatIssue(issue)) : [String(error)];
      this.status = t('authoring:io.importErrors');
      return false;
    }
  }

  private async handleFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.importText(await file.text(), file.name);
    input.value = '';
  }

  private handlePaste(): void {
    const text = this.renderRoot.querySelector<HTMLTextAreaElement>('#paste')?.value ?? '';
    if (this.importText(text, 'texte-colle.yaml')) {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#paste');
      if (area) area.value = '';
    }
  }

  /** The YAML text of the scenario as it is now. */
  exportText(): string {
    return this.scenario ? exportScenario(withoutBlankCallouts(this.scenario)) : '';
  }

  private async handleExport(): Promise<void> {
    if (!this.scenario) return;
    const file = `${this.scenario.id}.yaml`;
    const { saveFile } = await import('../documents/save-file');
    saveFile(new Blob([this.exportText()], { type: 'application/yaml' }), file);
    this.status = t('authoring:io.exported', { file });
  }

  private preview(mode: (typeof MODES)[number]): void {
    if (!this.scenario) return;
    sessionStorage.setItem(draftKey(this.scenario.id), this.exportText());
    // Not noopener: the new tab must get a copy of this tab's sessionStorage.
    const opened = window.open(previewUrl(this.scenario.id, mode), '_blank');
    this.status = opened ? t('authoring:preview.opened') : t('authoring:preview.blocked');
  }

  /** The checker's messages on the exported text: what the player would refuse. */
  private check(text: string): string[] {
    if (!this.scenario) return [];
    try {
      importScenario(text, `${this.scenario.id}.yaml`);
      return [];
    } catch (error) {
      return error instanceof ScenarioError ? error.issues.map((issue) => formatIssue(issue)) : [String(error)];
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Drag and drop (the buttons do the same from the keyboard)

  private dragStart(event: DragEvent, index: number): void {
    this.dragFrom = index;
    event.dataTransfer?.setData('text/plain', String(index));
  }

  private dragOver(event: DragEvent, index: number): void {
    if (this.dragFrom < 0) return;
    event.preventDefault();
    this.dropAt = index;
  }

  private drop(event: DragEvent, index: number): void {
    event.preventDefault();
    const from = this.dragFrom;
    this.dragFrom = -1;
    this.dropAt = -1;
    if (from < 0 || from === index) return;
    const id = this.steps[from]?.id ?? '';
    this.setSteps(moveItem(this.steps, from, index - from));
    this.selected = index;
    this.status = t('authoring:steps.moved', { id, n: index + 1 });
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  private renderSite(): TemplateResult {
    const snapshot = this.site;
    const screen = snapshot ? screenOf(snapshot) : null;
    // Not a landmark: the site's own <main> must stay top-level.
    return html`<div class="panel">
      <div class="site-bar">
        <h2 class="visually-hidden">${t('authoring:site.heading')}</h2>
        <p class="screen">${screen ? t('authoring:site.screen', { screen }) : ''}</p>
        <slot name="devices"></slot>
        <button type="button" data-action="add-step" aria-pressed=${this.picking ? 'true' : 'false'} @click=${() => this.togglePicking()}>
          ${t('authoring:site.add')}
        </button>
        <button type="button" data-action="restart" @click=${() => void this.handleRestart()}>${t('authoring:site.restart')}</button>
      </div>
      ${this.picking ? html`<p class="banner">${t('authoring:site.picking')}</p>` : nothing}
      ${this.bootError ? html`<p class="errors" role="alert">${t('authoring:bootError')} ${this.bootError}</p>` : nothing}
      <div class="site ${this.picking ? 'picking' : ''}" @click=${this.siteClick}>
        <mes-site-frame>
          ${snapshot && screen ? renderScreen(screen, snapshot.context) : html`<p role="status">${t('authoring:loading')}</p>`}
        </mes-site-frame>
      </div>
    </div>`;
  }

  private renderMeta(scenario: Scenario): TemplateResult {
    const journeys = scenario.tutorial?.journeys ?? [];
    return html`<section class="panel" aria-labelledby="meta-heading">
      <h2 id="meta-heading">${t('authoring:meta.heading')}</h2>
      <div class="row">
        <div>
          <label for="scenario-id">${t('authoring:meta.id')}</label>
          <span class="hint" id="scenario-id-hint">${t('authoring:meta.idHint')}</span>
          <input
            id="scenario-id"
            aria-describedby="scenario-id-hint"
            aria-invalid=${ID.test(scenario.id) ? 'false' : 'true'}
            .value=${scenario.id}
            @change=${(e: Event) => this.edit((s) => ({ ...s, id: (e.target as HTMLInputElement).value.trim() }))}
          />
        </div>
        <div>
          <label for="scenario-title">${t('authoring:meta.title')}</label>
          <input
            id="scenario-title"
            .value=${scenario.title}
            @change=${(e: Event) => this.edit((s) => ({ ...s, title: (e.target as HTMLInputElement).value }))}
          />
        </div>
      </div>
      ${this.catalogue.size > 0
        ? html`<div class="row">
            <div>
              <label for="open-shipped">${t('authoring:meta.open')}</label>
              <select id="open-shipped">
                ${[...this.catalogue.values()].map((s) => html`<option value=${s.id}>${s.id}</option>`)}
              </select>
            </div>
            <button type="button" @click=${() => this.openShipped()}>${t('authoring:meta.openButton')}</button>
          </div>`
        : nothing}
      <label for="current-journey">${t('authoring:meta.journey')}</label>
      <select id="current-journey" @change=${(e: Event) => (this.journey = (e.target as HTMLSelectElement).value)}>
        ${journeys.map((j) => html`<option value=${j.id} ?selected=${j.id === this.journey}>${j.id} — ${j.title}</option>`)}
      </select>
      <div class="row">
        <div>
          <label for="new-journey-id">${t('authoring:meta.newJourneyId')}</label>
          <input id="new-journey-id" />
        </div>
        <div>
          <label for="new-journey-title">${t('authoring:meta.newJourneyTitle')}</label>
          <input id="new-journey-title" />
        </div>
        <button type="button" @click=${() => this.addJourney()}>${t('authoring:meta.addJourney')}</button>
      </div>
    </section>`;
  }

  private renderSteps(): TemplateResult {
    const steps = this.steps;
    const last = steps.length - 1;
    return html`<section class="panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading">${t('authoring:steps.heading', { count: steps.length })}</h2>
      ${steps.length === 0
        ? html`<p>${t('authoring:steps.empty')}</p>`
        : html`<p class="hint">${t('authoring:steps.dragHint')}</p>
            <ol class="steps">
              ${steps.map(
                (step, i) => html`<li
                  data-step=${i}
                  class="${i === this.selected ? 'selected' : ''} ${i === this.dropAt ? 'drop' : ''}"
                  draggable="true"
                  @dragstart=${(e: DragEvent) => this.dragStart(e, i)}
                  @dragover=${(e: DragEvent) => this.dragOver(e, i)}
                  @drop=${(e: DragEvent) => this.drop(e, i)}
                  @dragend=${() => ((this.dragFrom = -1), (this.dropAt = -1))}
                >
                  <button
                    type="button"
                    class="step-pick"
                    aria-current=${i === this.selected ? 'step' : 'false'}
                    @click=${() => this.select(i)}
                  >
                    <span class="visually-hidden">${t('authoring:steps.select')} </span>${i + 1}. ${step.id}<small>${[step.journey, step.screen, step.target].filter(Boolean).join(' · ')}</small>
                  </button>
                  <button
                    type="button"
                    class="small"
                    data-move="up"
                    aria-label=${t('authoring:steps.upLabel', { id: step.id })}
                    aria-disabled=${i === 0 ? 'true' : 'false'}
                    @click=${() => this.move(i, -1, 'up')}
                  >
                    ${t('authoring:steps.up')}
                  </button>
                  <button
                    type="button"
                    class="small"
                    data-move="down"
                    aria-label=${t('authoring:steps.downLabel', { id: step.id })}
                    aria-disabled=${i === last ? 'true' : 'false'}
                    @click=${() => this.move(i, 1, 'down')}
                  >
                    ${t('authoring:steps.down')}
                  </button>
                  <button
                    type="button"
                    class="small danger"
                    data-action="delete"
                    aria-label=${t('authoring:steps.deleteLabel', { id: step.id })}
                    @click=${() => this.removeStep(i)}
                  >
                    ${t('authoring:steps.delete')}
                  </button>
                </li>`,
              )}
            </ol>`}
    </section>`;
  }

  private renderAction(step: Step, index: number, values: Record<string, string>): TemplateResult {
    const action = step.action;
    if (!action) return html`<p class="action">${t('authoring:form.actionNone')}</p>`;
    if ('send' in action) {
      const fields = Object.entries(action.send)
        .filter(([k]) => k !== 'type')
        .map(([k, v]) => `${k}=${String(v)}`);
      return html`<p class="action">${t('authoring:form.actionSend', { event: [action.send.type, ...fields].join(' ') })}</p>`;
    }
    const fill = action.fill;
    const setValue = (value: string) => this.patchStep(index, (s) => ({ ...s, action: { fill: { ...fill, value } } }));
    return html`<p class="action">${t('authoring:form.fillField', { form: fill.form, field: fill.field })}</p>
      <div class="row">
        <div>
          <label for="fill-value">${t('authoring:form.fillValue')}</label>
          <span class="hint" id="fill-value-hint">${t('authoring:form.fillValueHint', { example: '{{persona.nirFormatted}}' })}</span>
          <input id="fill-value" aria-describedby="fill-value-hint" .value=${fill.value} @change=${(e: Event) => setValue((e.target as HTMLInputElement).value)} />
        </div>
        <div>
          <label for="fill-placeholder">${t('authoring:form.placeholder')}</label>
          <select id="fill-placeholder" @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            if (select.value) setValue(select.value);
            select.value = '';
          }}>
            <option value="">${t('authoring:form.placeholderChoose')}</option>
            ${Object.entries(values).map(([name, value]) => html`<option value=${`{{${name}}}`}>${name} — ${value}</option>`)}
            <option value="{{inbox.otp}}">inbox.otp</option>
            <option value="{{inbox.code}}">inbox.code</option>
          </select>
        </div>
      </div>`;
  }

  private renderCallout(callout: Callout, index: number, c: number): TemplateResult {
    const n = c + 1;
    const id = `callout-${c}`;
    return html`<fieldset>
      <legend>${t('authoring:form.callout', { n })}</legend>
      <div class="row">
        <div>
          <label for="${id}-n">${t('authoring:form.calloutNumber')}</label>
          <input
            id="${id}-n"
            type="number"
            min="1"
            step="1"
            .value=${callout.n === undefined ? '' : String(callout.n)}
            @change=${(e: Event) => {
              const raw = (e.target as HTMLInputElement).value;
              const value = Number.parseInt(raw, 10);
              if (raw === '' || !Number.isFinite(value) || value < 1) this.patchCallout(index, c, {}, ['n']);
              else this.patchCallout(index, c, { n: value });
            }}
          />
        </div>
        <div>
          <label for="${id}-kind">${t('authoring:form.calloutKind')}</label>
          <select id="${id}-kind" @change=${(e: Event) => this.patchCallout(index, c, { kind: (e.target as HTMLSelectElement).value as Callout['kind'] })}>
            ${KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === callout.kind}>${t(`authoring:form.kinds.${kind}`)}</option>`)}
          </select>
        </div>
        <div>
          <label for="${id}-target">${t('authoring:form.calloutTarget')}</label>
          <input
            id="${id}-target"
            .value=${callout.target ?? ''}
            @change=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value.trim();
              if (value) this.patchCallout(index, c, { target: value });
              else this.patchCallout(index, c, {}, ['target']);
            }}
          />
        </div>
      </div>
      <label for="${id}-text">${t('authoring:form.calloutText')}</label>
      <textarea id="${id}-text" .value=${callout.text} @input=${(e: Event) => this.patchCallout(index, c, { text: (e.target as HTMLTextAreaElement).value })}></textarea>
      <button
        type="button"
        class="small danger"
        @click=${() => {
          this.patchStep(index, (s) => ({ ...s, callouts: s.callouts.filter((_, i) => i !== c) }));
          this.focusAfter = '[data-action="add-callout"]';
        }}
      >
        ${t('authoring:form.removeCallout', { n })}
      </button>
    </fieldset>`;
  }

  private renderForm(scenario: Scenario): TemplateResult {
    const index = this.selected;
    const step = this.steps[index];
    if (!step) {
      return html`<section class="panel" aria-labelledby="step-form-heading">
        <h2 id="step-form-heading" tabindex="-1">${t('authoring:form.none')}</h2>
      </section>`;
    }
    const persona = this.personaOf(scenario);
    const values = persona ? personaValues(persona) : {};
    const journeys = scenario.tutorial?.journeys ?? [];
    const text = (key: keyof Step, value: string) =>
      this.patchStep(index, (s) => {
        const next = { ...s } as Record<string, unknown>;
        if (value.trim()) next[key] = value;
        else delete next[key];
        return next as Step;
      });
    return html`<section class="panel" aria-labelledby="step-form-heading">
      <h2 id="step-form-heading" tabindex="-1">${t('authoring:form.heading', { id: step.id })}</h2>
      <div class="row">
        <div>
          <label for="step-id">${t('authoring:form.id')}</label>
          <input
            id="step-id"
            aria-invalid=${ID.test(step.id) ? 'false' : 'true'}
            .value=${step.id}
            @change=${(e: Event) => this.patchStep(index, (s) => ({ ...s, id: (e.target as HTMLInputElement).value.trim() }))}
          />
        </div>
        <div>
          <label for="step-journey">${t('authoring:form.journey')}</label>
          <select id="step-journey" @change=${(e: Event) => this.patchStep(index, (s) => ({ ...s, journey: (e.target as HTMLSelectElement).value }))}>
            ${journeys.map((j) => html`<option value=${j.id} ?selected=${j.id === step.journey}>${j.id}</option>`)}
          </select>
        </div>
      </div>
      <div class="row">
        <div>
          <label for="step-screen">${t('authoring:form.screen')}</label>
          <input id="step-screen" .value=${step.screen ?? ''} @change=${(e: Event) => text('screen', (e.target as HTMLInputElement).value)} />
        </div>
        <div>
          <label for="step-target">${t('authoring:form.target')}</label>
          <input id="step-target" .value=${step.target ?? ''} @change=${(e: Event) => text('target', (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      <label for="step-title">${t('authoring:form.title')}</label>
      <input id="step-title" .value=${step.title ?? ''} @change=${(e: Event) => text('title', (e.target as HTMLInputElement).value)} />
      <h3>${t('authoring:form.action')}</h3>
      ${this.renderAction(step, index, values)}
      <label for="step-until">${t('authoring:form.until')}</label>
      <select
        id="step-until"
        @change=${(e: Event) => {
          const screen = (e.target as HTMLSelectElement).value;
          this.patchStep(index, (s) => {
            const rest = { ...(s.until ?? {}) };
            delete rest.screen;
            const until = screen ? { ...rest, screen } : rest;
            const next: Step = { ...s };
            if (Object.keys(until).length === 0) delete next.until;
            else next.until = until;
            return next;
          });
        }}
      >
        <option value="">${t('authoring:form.untilNone')}</option>
        ${SCREENS.map((s) => html`<option value=${s} ?selected=${s === step.until?.screen}>${s}</option>`)}
      </select>
      <h3>${t('authoring:form.callouts')}</h3>
      ${step.callouts.map((callout, c) => this.renderCallout(callout, index, c))}
      <button
        type="button"
        data-action="add-callout"
        @click=${() => {
          const c = step.callouts.length;
          this.patchStep(index, (s) => ({ ...s, callouts: [...s.callouts, emptyCallout(undefined, s.target)] }));
          this.focusAfter = `#callout-${c}-text`;
        }}
      >
        ${t('authoring:form.addCallout')}
      </button>
      <label for="step-task">${t('authoring:form.task')}</label>
      <input id="step-task" .value=${step.task ?? ''} @change=${(e: Event) => text('task', (e.target as HTMLInputElement).value)} />
      <label for="step-hints">${t('authoring:form.hints')}</label>
      <textarea
        id="step-hints"
        .value=${step.hints.join('\n')}
        @change=${(e: Event) =>
          this.patchStep(index, (s) => ({
            ...s,
            hints: (e.target as HTMLTextAreaElement).value
              .split('\n')
              .map((h) => h.trim())
              .filter(Boolean),
          }))}
      ></textarea>
      <label for="step-notes">${t('authoring:form.notes')}</label>
      <textarea id="step-notes" .value=${step.notes ?? ''} @change=${(e: Event) => text('notes', (e.target as HTMLTextAreaElement).value)}></textarea>
    </section>`;
  }

  private renderIo(yaml: string, problems: string[]): TemplateResult {
    const file = `${this.scenario?.id ?? 'scenario'}.yaml`;
    return html`<section class="panel" aria-labelledby="preview-heading">
        <h2 id="preview-heading">${t('authoring:preview.heading')}</h2>
        <div class="row">
          ${MODES.map(
            (mode) => html`<button
              type="button"
              data-preview=${mode}
              aria-label=${t('authoring:preview.label', { mode: t(`authoring:preview.modes.${mode}`) })}
              @click=${() => this.preview(mode)}
            >
              ${t(`authoring:preview.modes.${mode}`)}
            </button>`,
          )}
        </div>
      </section>
      <section class="panel" aria-labelledby="io-heading">
        <h2 id="io-heading">${t('authoring:io.heading')}</h2>
        <label for="import-file">${t('authoring:io.file')}</label>
        <input id="import-file" type="file" accept=".yaml,.yml,application/yaml,text/yaml" @change=${(e: Event) => void this.handleFile(e)} />
        <label for="paste">${t('authoring:io.paste')}</label>
        <textarea id="paste" class="yaml"></textarea>
        <button type="button" data-action="import-text" @click=${() => this.handlePaste()}>${t('authoring:io.importText')}</button>
        ${this.importErrors.length
          ? html`<div class="errors" role="alert">${t('authoring:io.importErrors')}\n${this.importErrors.join('\n')}</div>`
          : nothing}
        <h3>${t('authoring:io.check')}</h3>
        ${problems.length
          ? html`<div class="errors" id="check">${t('authoring:io.invalid')}\n${problems.join('\n')}</div>`
          : html`<p class="ok" id="check">${t('authoring:io.valid')}</p>`}
        <p>
          <button type="button" class="primary" data-action="export" @click=${() => void this.handleExport()}>
            ${t('authoring:io.export', { file })}
          </button>
        </p>
        <label for="export-yaml">${t('authoring:io.yaml')}</label>
        <textarea id="export-yaml" class="yaml" readonly .value=${yaml}></textarea>
      </section>`;
  }

  override render(): TemplateResult {
    const scenario = this.scenario;
    const yaml = this.exportText();
    const problems = scenario ? this.check(yaml) : [];
    return html`
      <div class="head">
        <h1>${t('authoring:title')}</h1>
        <p>${t('authoring:intro')}</p>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.status}</p>
      ${scenario
        ? html`<div class="layout">
            <div class="site-column">${this.renderSite()}</div>
            <aside aria-label=${t('authoring:title')}>
              ${this.renderMeta(scenario)} ${this.renderSteps()} ${this.renderForm(scenario)} ${this.renderIo(yaml, problems)}
            </aside>
          </div>`
        : html`<p role="status">${t('authoring:loading')}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-authoring-editor': MesAuthoringEditor;
  }
}
