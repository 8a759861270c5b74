import type { AnyStateMachine } from 'xstate';
import { createSiteMachine, type SiteApi } from '../site/machine';
import { createTutorialMachine, type TutorialDeps } from '../tutorial/machine';

/**
 * The machines as the diagrams show them. Their definitions do not call their dependencies while being
 * built, so inert ones are enough to read their structure (nothing is ever run).
 */
export function documentedMachines(): Array<{ file: string; title: string; machine: AnyStateMachine }> {
  const unused = (): never => {
    throw new Error('diagram: the machine was run, not only read');
  };
  const site = createSiteMachine({ api: new Proxy({}, { get: () => unused }) as SiteApi, deliverProof: unused });
  const backend: TutorialDeps['backend'] = { reset: unused, fetchInbox: unused };
  const tutorial = createTutorialMachine({ site, backend });
  return [
    { file: 'site-machine.svg', title: 'Machine du site (src/site/machine.ts)', machine: site },
    { file: 'tutorial-machine.svg', title: 'Machine du pas à pas (src/tutorial/machine.ts)', machine: tutorial },
  ];
}
