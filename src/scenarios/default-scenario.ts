/**
 * The scenario the player opens when the address names none: the pas à pas of the official training
 * material. One constant for the registry, the benchmark's hooks and the build, which ships this scenario
 * with the player's code since its first slide needs it, and gives the player this id with the shipped
 * scenarios (`defaultId` of scripts/vite-scenarios.mjs, read by src/scenarios/shipped.ts): the player's
 * first slide thus loads no module of its own for it.
 */
export const DEFAULT_SCENARIO = 'pas-a-pas';
