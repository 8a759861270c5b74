import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApp, type E2EPage, useCleanApps } from './harness';
import { MARTINE, click, identify, readCode, see, startActivation } from './site-helpers';

/** The four journeys of the simulated site, as a person does them, with the default persona. */
let app: E2EPage | null = null;
useCleanApps();

describe('simulated site journeys', () => {
  it('activation: S1 → S8, with the CGU refusal and the live password rules', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await startActivation(page);
    // Wrong first: every field says what is wrong, and the values stay.
    await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill('1 55 12 55 555 555 55');
    await click(page, 'Continuer');
    await see(page, 'Format invalide, vérifier le format du numéro de sécurité sociale');
    await see(page, 'Sélectionner un modèle de carte Vitale');
    expect(await page.getByLabel('Numéro de sécurité sociale', { exact: true }).inputValue()).toBe('1 55 12 55 555 555 55');
    await identify(page, MARTINE);
    await see(page, 'Bonjour Martine !');
    await page.getByText("J'active Mon espace santé", { exact: true }).first().click();
    await click(page, 'Continuer');
    await see(page, "Veuillez cocher l'autorisation");
    await page.getByRole('checkbox').check();
    await click(page, 'Continuer');
    await see(page, 'Je vérifie mes coordonnées de contact');
    await see(page, 'martine.leguellec@example.fr');
    await click(page, 'Continuer');
    await see(page, 'Je choisis mon identifiant et mon mot de passe');
    await page.getByLabel('Identifiant', { exact: true }).fill('mleguellec69');
    await page.getByLabel('Mot de passe', { exact: true }).fill('abc');
    // The checklist is live: the lowercase rule is met, the length rule is not.
    const items = page.locator('li', { hasText: '1 minuscule' });
    await expect.poll(async () => (await items.first().textContent()) ?? '').toContain('critère respecté');
    await page.getByLabel('Mot de passe', { exact: true }).fill('Printemps#2024');
    await page.getByLabel('Confirmer le mot de passe', { exact: true }).fill('Printemps#2024');
    await page.getByRole('button', { name: 'Afficher le mot de passe', exact: true }).click();
    expect(await page.getByLabel('Mot de passe', { exact: true }).getAttribute('type')).toBe('text');
    await click(page, 'Valider');
    await see(page, 'Mon espace santé a bien été activé !');
  });

  it('opposition: S9 → S11, « Annuler » back to the decision, the justificatif once, a child managed', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await startActivation(page);
    await identify(page, MARTINE);
    await see(page, 'Bonjour Martine !');
    await page.getByText('Je m\'oppose à la création de Mon espace santé', { exact: true }).first().click();
    await click(page, 'Continuer');
    await see(page, "Je valide l'opposition à la création de Mon espace santé");
    await click(page, 'Annuler');
    await see(page, 'Je prends ma décision');
    await click(page, 'Continuer');
    await see(page, "Je valide l'opposition à la création de Mon espace santé");
    await click(page, 'Continuer');
    await see(page, 'Ma décision a bien été prise en compte');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Télécharger le justificatif/ }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('Votre justificatif d');
    expect(text).toContain('2 69 05 44 109 038 57');
    expect(text).toContain('LEGUELLEC');
    await page.getByRole('button', { name: /Télécharger le justificatif/ }).click();
    await see(page, /déjà été téléchargé/);
    await see(page, 'Lucas LEGUELLEC');
    await page.getByRole('button', { name: /Gérer le profil/ }).first().click();
    await see(page, 'Bonjour Lucas !');
    await page.getByText('Je m\'oppose à la création de Mon espace santé', { exact: true }).first().click();
    await click(page, 'Continuer');
    await click(page, 'Continuer');
    await see(page, /prise en compte/);
    await click(page, 'Revenir à mes profils');
    await see(page, /Profil opposé le \d{2}\/\d{2}\/\d{4}/);
  });

  it('new code: S17 → S18 with a contact change, the old code stops working, the new one activates', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await click(page, 'Activer Mon espace santé');
    await page.getByRole('button', { name: 'Générer un nouveau code provisoire' }).or(page.getByRole('link', { name: 'Générer un nouveau code provisoire' })).first().click();
    await see(page, 'Je génère un nouveau code provisoire');
    await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill(MARTINE.nir);
    await page.getByLabel('Date de naissance', { exact: true }).fill('12/05/1969');
    await page.getByRole('radio', { name: 'Carte Vitale sans photo', exact: true }).check();
    await page.getByLabel('Numéro de série de carte Vitale', { exact: true }).fill(MARTINE.serial);
    await click(page, 'Continuer');
    await see(page, 'Envoi du code provisoire');
    await see(page, 'mar*****@example.fr');
    await page.getByRole('button', { name: 'Mes coordonnées sont incorrectes ?' }).or(page.getByRole('link', { name: 'Mes coordonnées sont incorrectes ?' })).first().click();
    await see(page, 'Je modifie mon adresse e-mail');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill('julie.leguellec@example.fr');
    await click(page, 'Valider');
    await see(page, 'Je valide mon adresse e-mail');
    const otp = await readCode(page, 'Messagerie');
    await page.getByLabel('Code à usage unique', { exact: true }).fill(otp);
    await click(page, 'Valider');
    await see(page, 'Envoi du code provisoire');
    await see(page, 'jul*****@example.fr');
    await click(page, 'Valider');
    await see(page, 'Votre nouveau code provisoire a été envoyé');
    const code = await readCode(page, 'Messagerie');
    expect(code).toMatch(/^[0-9A-Za-z]{12}$/);
    await click(page, 'Activer Mon espace santé');
    await identify(page, MARTINE);
    await see(page, "Nous n'avons pas réussi à vous identifier. Veuillez vérifier votre saisie.");
    await page.getByLabel('Code provisoire composé de 12 caractères', { exact: true }).fill(code);
    await click(page, 'Continuer');
    await see(page, 'Bonjour Martine !');
  });

  it('contact change: e-mail and mobile from S6, a wrong one-time code refused, then the right one', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await startActivation(page);
    await identify(page, MARTINE);
    await page.getByText("J'active Mon espace santé", { exact: true }).first().click();
    await page.getByRole('checkbox').check();
    await click(page, 'Continuer');
    await see(page, 'Je vérifie mes coordonnées de contact');
    await page.getByRole('button', { name: /Modifier l'adresse e-mail/ }).or(page.getByRole('link', { name: /Modifier l'adresse e-mail/ })).first().click();
    await page.getByLabel('Adresse e-mail', { exact: true }).fill('pas-une-adresse');
    await click(page, 'Valider');
    await see(page, 'Saisir une adresse e-mail valide');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill('martine.l@example.fr');
    await click(page, 'Valider');
    await see(page, 'Un code à usage unique vous a été envoyé');
    const otp = await readCode(page, 'Messagerie');
    const wrong = otp === '111111' ? '222222' : '111111';
    await page.getByLabel('Code à usage unique', { exact: true }).fill(wrong);
    await click(page, 'Valider');
    await see(page, 'Vérifier le code à usage unique et réessayer');
    await page.getByLabel('Code à usage unique', { exact: true }).fill(otp);
    await click(page, 'Valider');
    await see(page, 'Adresse e-mail modifiée');
    await page.locator('mes-screen-contacts').getByText('martine.l@example.fr').waitFor();
    await page.getByRole('button', { name: /numéro de mobile/ }).or(page.getByRole('link', { name: /numéro de mobile/ })).first().click();
    await see(page, 'Je renseigne mon numéro de téléphone mobile');
    await page.getByLabel('Numéro de téléphone mobile', { exact: true }).fill('07 22 33 44 55');
    await click(page, 'Valider');
    await see(page, 'Je valide mon numéro de téléphone mobile');
    const sms = await readCode(page, 'Téléphone');
    await page.getByLabel('Code à usage unique', { exact: true }).fill(sms);
    await click(page, 'Valider');
    await see(page, 'Numéro de téléphone modifié');
    await page.locator('mes-screen-contacts').getByText('07 22 33 44 55').waitFor();
  });

  it('« Recommencer » puts the world back: the code used for an opposition works again', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await startActivation(page);
    await identify(page, MARTINE);
    await page.getByText('Je m\'oppose à la création de Mon espace santé', { exact: true }).first().click();
    await click(page, 'Continuer');
    await click(page, 'Continuer');
    await see(page, 'Ma décision a bien été prise en compte');
    await click(page, 'Recommencer');
    await see(page, 'Activer Mon espace santé');
    await startActivation(page);
    await identify(page, MARTINE);
    await see(page, 'Bonjour Martine !');
  });
});
