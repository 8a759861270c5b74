import { describe, expect, it } from 'vitest';
import { openApp, type E2EPage, useCleanApps } from './harness';
import { MARTINE, click, identify, said, see, startActivation } from './site-helpers';

/** The service's refusals, as a trainee provokes them with the default scenario's personas. */
let app: E2EPage | null = null;
useCleanApps();

async function toCredentials(page: E2EPage['page']): Promise<void> {
  await startActivation(page);
  await identify(page, MARTINE);
  await page.getByText("J'active Mon espace santé", { exact: true }).first().click();
  await page.getByRole('checkbox').check();
  await click(page, 'Continuer');
  await click(page, 'Continuer');
  await see(page, 'Je choisis mon identifiant et mon mot de passe');
}

describe('the service refuses, and says why', () => {
  it('expired code (Paul), deceased person (Henri), no contact details for a new code (Sophie)', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await startActivation(page);
    await identify(page, { code: 'Wm3Tq8ZcNe4P', nir: '1 58 03 75 056 123 21', serial: '4817203965' });
    await see(page, 'Votre code provisoire a expiré');
    await click(page, 'Générer un nouveau code provisoire');
    await see(page, 'Je génère un nouveau code provisoire');
    await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill('2 48 08 13 055 045 92');
    await page.getByLabel('Date de naissance', { exact: true }).fill('22/08/1948');
    await page.getByRole('radio', { name: 'Carte Vitale avec photo', exact: true }).check();
    await page.getByLabel('Numéro de série de carte Vitale', { exact: true }).fill('50193847261');
    await click(page, 'Continuer');
    await see(page, 'Nous avons besoin de vos coordonnées');
    await click(page, "Revenir à l'accueil");
    await startActivation(page);
    await identify(page, { code: 'Zx4VbN7mQw2R', nir: '182016912308708', serial: '73920584' });
    await see(page, 'Ce profil ne peut pas être activé');
  });

  it('taken identifier with suggestions, weak password, then an outage, each shown where it belongs', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await toCredentials(page);
    await page.getByLabel('Identifiant', { exact: true }).fill('mleguellec');
    await page.getByLabel('Mot de passe', { exact: true }).fill('Azerty123!');
    await page.getByLabel('Confirmer le mot de passe', { exact: true }).fill('Azerty123!');
    await click(page, 'Valider');
    await see(page, 'Cet identifiant existe déjà. Veuillez en saisir un nouveau.');
    const suggestion = page.getByRole('button', { name: /Choisir l'identifiant/ }).first();
    await suggestion.click();
    expect(await page.getByLabel('Identifiant', { exact: true }).inputValue()).toMatch(/^mleguellec/);
    await click(page, 'Valider');
    await see(page, "Le mot de passe saisi n'est pas assez sécurisé. Veuillez réessayer.");
    await page.getByLabel('Mot de passe', { exact: true }).fill('Printemps#2024');
    await page.getByLabel('Confirmer le mot de passe', { exact: true }).fill('Printemps#2024');
    app.allowStatus(500);
    await click(page, 'Simuler une panne');
    await click(page, 'Valider');
    await see(page, 'Une erreur est survenue, veuillez réessayer plus tard');
    // Nothing typed is lost: the same « Valider » goes through once the service answers again.
    await click(page, 'Valider');
    await see(page, 'Mon espace santé a bien été activé !');
    await click(page, 'Recommencer');
    await see(page, 'Activer Mon espace santé');
  });

  it("a second request of a one-time code within 30 seconds is refused with the service's message", async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await toCredentials(page);
    await page.getByRole('button', { name: /^Retour|Revenir/ }).first().click();
    await see(page, 'Je vérifie mes coordonnées de contact');
    await page.getByRole('button', { name: /Modifier l'adresse e-mail/ }).or(page.getByRole('link', { name: /Modifier l'adresse e-mail/ })).first().click();
    await page.getByLabel('Adresse e-mail', { exact: true }).fill('martine.l@example.fr');
    await click(page, 'Valider');
    await see(page, 'Un code à usage unique vous a été envoyé');
    await page.getByRole('button', { name: 'Envoyer à nouveau le code' }).or(page.getByRole('link', { name: 'Envoyer à nouveau le code' })).first().click();
    await see(page, 'Une erreur est survenue. Veuillez attendre 30 secondes puis réessayez.');
  });

  it('an address with a scenario that does not exist opens the site on the default world, and says so', async () => {
    app = await openApp('/?view=site&scenario=inconnu');
    const { page } = app;
    const notice = page.locator('mes-app .notice[role="status"]');
    await notice.waitFor();
    expect(await said(notice)).toContain(
      'Le scénario « inconnu » est introuvable : le site est simulé avec les personnes du pas à pas par défaut.',
    );
    await page.getByRole('button', { name: 'Fermer ce message' }).click();
    await notice.waitFor({ state: 'detached' });
    // The default world's Martine identifies herself.
    await startActivation(page);
    await identify(page, MARTINE);
    await see(page, "J'active Mon espace santé");
  });

  it('an address with an empty scenario opens the site on the default world, without a message', async () => {
    app = await openApp('/?view=site&scenario=');
    const { page } = app;
    await startActivation(page);
    await identify(page, MARTINE);
    await see(page, "J'active Mon espace santé");
    expect(await page.locator('mes-app .notice').count()).toBe(0);
  });
});

