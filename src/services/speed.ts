/**
 * Speed calibrations for the time estimate: measured in the lab worker (a few training steps of the
 * config's model on its backend), kept in this browser (localStorage), so each model, batch and image
 * shape is measured once per backend request.
 */
import type { RunConfig } from '../core/config/runConfig.ts';
import { labActions, useLab } from '../store/labStore.ts';
import { calibrationKey, type DatasetShape } from '../store/timeEstimate.ts';
import { isActive, type SpeedState } from '../store/types.ts';
import { calibrateInWorker } from './runController.ts';

const STORAGE_KEY = 'prunefuse-lab/speed/v1';

/** Reads the calibrations this browser kept (ignoring a damaged entry). */
export function loadSpeed(): void {
  try {
    const kept = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as unknown;
    if (typeof kept === 'object' && kept !== null && !Array.isArray(kept)) labActions().setSpeed({ byKey: kept as SpeedState['byKey'] });
  } catch {
    localStorage.removeItem(STORAGE_KEY);
  }
}

export async function measureSpeed(config: RunConfig, dataset: DatasetShape): Promise<void> {
  const key = calibrationKey(config, dataset);
  if (useLab.getState().speed.measuring !== null || isActive(useLab.getState().run.status)) return;
  labActions().setSpeed({ measuring: key, error: null });
  try {
    const measured = await calibrateInWorker(config, dataset.imageShape, dataset.classes);
    const byKey = { ...useLab.getState().speed.byKey, [key]: { ...measured, measuredAt: new Date().toISOString() } };
    labActions().setSpeed({ byKey, measuring: null });
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(byKey));
    } catch {
      // A full storage quota only costs a re-measurement next time.
    }
  } catch (e) {
    labActions().setSpeed({ measuring: null, error: `The speed could not be measured: ${e instanceof Error ? e.message : String(e)}` });
  }
}
