/**
 * What the pas à pas needs beyond its first slide: the statecharts, the simulated site and its backend
 * (MSW), the overlay, the practice documents and the debrief. The player loads this chunk right after
 * its first slide is painted (and before it when it opens on a site step), so that the first slide
 * comes with little code and the next step is already there when the trainee asks for it.
 */
import '../app/sim-devices';
import '../app/site-frame';
import './evaluation/debrief';
import './overlay';
import './practice/documents-panel';
import './slides';

export { createActor } from 'xstate';
export { api } from '../api/client';
export { bootBackend } from '../app/backend-boot';
export { createSiteMachine, screenOf } from '../site/machine';
export { SCREEN_IDS } from '../site/types';
export { focusScreenTitle, renderScreen } from '../site/render';
export { computeResult } from './evaluation/score';
export { randomizePersona, randomSeed } from './evaluation/randomize';
export { createTutorialMachine } from './machine';
export { findHotspot } from './overlay/find-hotspot';
