import { t } from '../i18n';
import { initialSiteContext } from '../site/machine';
import type { SiteContext } from '../site/types';
import { personaValues } from '../tutorial/values';
import type { GoalCondition } from './goal';
import { describeEvent, eventOf, type Phrase } from './guide';
import type { CallScenario } from './schema';
import type { CallStep } from './score';

/**
 * The call centre's sentences, translated when shown: journal lines, goals, steps of a record, and
 * the right way through the screens as an agent would say it.
 */

/** A phrase of namespace "calls", its i18n-key values translated too. */
export function phraseText(phrase: Phrase): string {
  const labels: Record<string, string> = {};
  for (const [name, key] of Object.entries(phrase.labels ?? {})) labels[name] = t(key);
  return t(`calls:${phrase.key}`, { ...phrase.values, ...labels });
}

/** A recorded step as text: a scenario's French text, or a phrase. */
export function stepText(step: Pick<CallStep, 'label' | 'labelKind' | 'labelValues' | 'labelKeys'>): string {
  if (step.labelKind === 'text') return step.label;
  return phraseText({ key: step.label, values: step.labelValues ?? {}, labels: step.labelKeys ?? {} });
}

/** The first name behind a persona or child id of the call's world. */
export function nameOf(call: CallScenario, id: string): string {
  for (const p of call.world.personas) {
    if (p.id === id) return p.firstName;
    const child = p.children.find((c) => c.id === id);
    if (child) return child.firstName;
  }
  return id;
}

export function goalText(condition: GoalCondition, call: CallScenario): string {
  const values = { ...condition.values };
  if (values.who !== undefined) values.who = nameOf(call, values.who);
  if (values.screen !== undefined) values.screen = t(`calls:screens.${values.screen}`);
  return t(`calls:${condition.key}`, values);
}

/**
 * The right way as sentences: the guide's actions told as in the journal, with the caller's values
 * (a code still to be received is named, not invented).
 */
export function guideSentences(call: CallScenario): string[] {
  const persona = call.world.personas.find((p) => p.id === call.call.brief.persona);
  const values: Record<string, string> = {
    ...(persona ? personaValues(persona) : {}),
    'inbox.code': t('calls:guidePath.inboxCode'),
    'inbox.otp': t('calls:guidePath.inboxOtp'),
  };
  const ctx: SiteContext = initialSiteContext({
    ruleSet: call.world.ruleSet,
    passwordChecklist: [],
    session: persona
      ? {
          sessionId: '',
          person: { firstName: persona.firstName, middleNames: persona.middleNames, lastName: persona.lastName, birthDate: persona.birthDate, nir: persona.nir },
          isChild: false,
          contacts: { email: persona.email, mobile: persona.mobile },
          status: persona.status,
          decidedAt: persona.decidedAt,
        }
      : null,
  });
  const out: string[] = [];
  for (const block of call.call.guide) {
    for (const action of block.do) {
      const event = eventOf(action, values);
      // The contact being typed follows the button that opened it.
      if (event.type === 'EDIT_CONTACT') {
        const phrase = describeEvent(event, block.screen, ctx);
        if (phrase) out.push(phraseText(phrase));
        ctx.contactKind = event.kind;
        continue;
      }
      const phrase = describeEvent(event, block.screen, ctx);
      if (phrase) out.push(phraseText(phrase));
    }
  }
  return out;
}
