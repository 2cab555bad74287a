/** Whether a dataset entry is the one a config names: by its short id (embedded) or its content id (results files). */
import type { DatasetEntry } from './types.ts';

export const matchesDataset = (d: DatasetEntry, id: string): boolean => d.id === id || d.datasetId === id;
