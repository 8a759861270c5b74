import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { api } from '../api/client';
import type { OppositionProof } from '../api/types';
import { bootBackend } from '../app/backend-boot';
import '../app/sim-devices';
import type { SimDevices } from '../app/sim-devices';
import { onLanguageChanged, t } from '../i18n';
import { formatIssue } from '../scenarios/load';
import { shippedScenarioList } from '../scenarios/checked';
import { DEFAULT_SCENARIO } from '../scenarios/registry';
import type { Scenario, WorldData } from '../scenarios/schema';
import './authoring-editor';
import type { AuthoringDeps } from './authoring-editor';
import { newScenario } from './steps';

/**
 * `?view=auteur`: the editor on the app's own simulated backend (MSW in the page), starting from a new
 * scenario on the default scenario's world, with the shipped scenarios to open.
 */
@customElement('mes-authoring')
export class MesAuthoring extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .errors {
      margin: 16px;
      padding: 12px 16px;
      border-left: 4px solid #b3303f;
      background: #fdf1f2;
      color: #262939;
      white-space: pre-wrap;
    }
  `;

  @state() private scenario: Scenario | null = null;
  @state() private catalogue: ReadonlyMap<string, Scenario> = new Map();
  @state() private ready = false;
  @state() private problem = '';
  @query('sim-devices') private devices!: SimDevices | null;

  private unsubscribe: (() => void) | null = null;

  private readonly deps: AuthoringDeps = {
    api,
    loadWorld: async (world: WorldData) => {
      await bootBackend(world, () => void this.devices?.refresh());
      this.ready = true;
      await this.devices?.refresh();
    },
    reset: async () => {
      await api.reset();
      await this.devices?.refresh();
    },
    deliverProof: (proof: OppositionProof) => void this.deliverProof(proof),
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLanguageChanged(() => this.requestUpdate());
    const { scenarios, issues } = shippedScenarioList();
    this.catalogue = scenarios;
    if (issues.length) this.problem = issues.map((issue) => formatIssue(issue)).join('\n');
    const base = scenarios.get(DEFAULT_SCENARIO) ?? [...scenarios.values()][0];
    if (base) {
      this.scenario = newScenario(base, 'nouveau-scenario', t('authoring:newTitle'), { id: 'parcours-1', title: t('authoring:newJourney'), setup: [] });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private async deliverProof(proof: OppositionProof): Promise<void> {
    try {
      const { downloadOppositionProof } = await import('../documents/opposition-proof');
      await downloadOppositionProof(proof, {});
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  override render(): TemplateResult {
    return html`
      ${this.problem ? html`<p class="errors" role="alert">${this.problem}</p>` : nothing}
      <mes-authoring-editor
        .scenario=${this.scenario}
        .catalogue=${this.catalogue}
        .deps=${this.deps}
        @mes-authoring-change=${(e: CustomEvent<Scenario>) => (this.scenario = e.detail)}
      >
        ${this.ready ? html`<sim-devices slot="devices"></sim-devices>` : nothing}
      </mes-authoring-editor>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-authoring': MesAuthoring;
  }
}
