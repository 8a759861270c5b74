import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ProfileSummary } from '../../api/types';
import { isoToFr } from '../../domain/dates';
import { t } from '../../i18n';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';
import { sharedStyles } from './vitale-fields';

const downloadIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M11 4h2v9.2l3.6-3.6L18 11l-6 6-6-6 1.4-1.4 3.6 3.6zM5 18h14v2H5z" fill="currentColor" />
</svg>`;

function initials(profile: ProfileSummary): string {
  return `${profile.firstName.charAt(0)}${profile.lastName.charAt(0)}`.toUpperCase();
}

/**
 * S11 « Ma décision a bien été prise en compte »: the justificatif (downloadable once) and, for a
 * legal representative, the attached profiles with their status and « Gérer le profil ».
 */
@customElement('mes-screen-opposed')
export class MesScreenOpposed extends SiteScreen {
  static override styles = [
    tokens,
    screenStyles,
    sharedStyles,
    css`
      .download {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-height: 44px;
      }
      .download[aria-disabled='true'] {
        cursor: progress;
        opacity: 0.7;
      }
      .downloaded {
        color: var(--mes-success);
        font-weight: 600;
        margin: 4px 0 12px;
      }
      .downloaded::before {
        content: '✓ ';
      }
      .form-error {
        margin-top: 8px;
      }
      .profiles-section {
        margin-top: 32px;
      }
      .profiles-section h2 {
        margin: 0 0 8px;
      }
      .profiles {
        list-style: none;
        margin: 16px 0 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .profile {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 12px 16px;
        padding: 16px;
        border: 1px solid var(--mes-bg-alt);
        border-radius: 12px;
        background: #fff;
      }
      .avatar {
        width: 48px;
        height: 48px;
        border-radius: 50%;
        background: var(--mes-primary);
        color: #fff;
        font-weight: 700;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        flex: none;
      }
      .who {
        flex: 1 1 180px;
        min-width: 0;
      }
      .name {
        display: block;
        color: var(--mes-title);
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .status {
        display: block;
        font-size: 0.9375rem;
      }
      .status.opposed {
        color: var(--mes-error);
      }
      .status.activated {
        color: var(--mes-success);
      }
      .profile .btn {
        flex: none;
      }
    `,
  ];

  override render() {
    if (!this.ctx) return nothing;
    const { session, profiles, proofDownloaded, busy, formError } = this.ctx;
    const isChild = session?.isChild ?? false;
    const firstName = session?.person.firstName ?? '';
    const error = this.message(formError);
    return html`<div class="screen">
      <div class="card">
        <h1>${isChild ? t('opposition:opposed.titleChild', { firstName }) : t('opposition:opposed.title')}</h1>
        <p>
          ${isChild ? t('opposition:opposed.proofChild', { firstName }) : t('opposition:opposed.proof')}<br />${t('opposition:opposed.once')}
        </p>
        <button
          type="button"
          class="link download"
          data-hotspot="download-proof"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${this.handleDownload}
        >
          ${downloadIcon}<span>${busy ? t('opposition:opposed.downloading') : t('opposition:opposed.download')}</span>
        </button>
        <div role="status">${proofDownloaded ? html`<p class="downloaded">${t('opposition:opposed.downloaded')}</p>` : nothing}</div>
        ${error ? html`<div class="form-error" role="alert">${error}</div>` : nothing}
        ${profiles.length > 0
          ? html`<section class="profiles-section" aria-labelledby="profiles-title">
              <h2 id="profiles-title">${t('opposition:opposed.profilesTitle')}</h2>
              <p>${t('opposition:opposed.profilesIntro')}</p>
              <ul class="profiles">
                ${profiles.map((profile) => this.renderProfile(profile))}
              </ul>
            </section>`
          : nothing}
        ${isChild
          ? html`<div class="actions">
              <button type="button" class="btn btn-secondary" data-hotspot="back-profiles" @click=${this.handleBack}>
                ${t('opposition:opposed.backProfiles')}
              </button>
            </div>`
          : nothing}
      </div>
    </div>`;
  }

  private renderProfile(profile: ProfileSummary) {
    const nameId = `profile-${profile.id}-name`;
    const statusId = `profile-${profile.id}-status`;
    const date = profile.decidedAt ? isoToFr(profile.decidedAt.slice(0, 10)) : '';
    const manageable = profile.status === 'pending' || profile.status === 'opposed';
    return html`<li class="profile">
      <span class="avatar" aria-hidden="true">${initials(profile)}</span>
      <span class="who">
        <span class="name" id=${nameId}>${profile.firstName} ${profile.lastName}</span>
        <span class="status ${profile.status}" id=${statusId}>${t(`opposition:opposed.status.${profile.status}`, { date })}</span>
      </span>
      ${manageable
        ? html`<button
            type="button"
            class="btn btn-secondary"
            data-hotspot="manage-${profile.id}"
            aria-describedby="${nameId} ${statusId}"
            @click=${() => this.handleManage(profile.id)}
          >
            ${t('opposition:opposed.manage')}
          </button>`
        : nothing}
    </li>`;
  }

  private handleDownload(): void {
    if (this.ctx.busy) return;
    this.emit({ type: 'DOWNLOAD_PROOF' });
  }

  private handleManage(profileId: string): void {
    if (this.ctx.busy) return;
    this.emit({ type: 'MANAGE_PROFILE', profileId });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-opposed': MesScreenOpposed;
  }
}
