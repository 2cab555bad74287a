/**
 * Which part of the lab a link opens: the simulation lab (the default), or the labelling mode with the
 * hash `#label` (a hash, so the settings in the query stay those of the simulation).
 */
export const LABEL_MODE_HASH = 'label';

export type LabMode = 'lab' | 'label';

export const modeOfHash = (hash: string): LabMode => (hash.replace(/^#/, '') === LABEL_MODE_HASH ? 'label' : 'lab');
