/**
 * The oracle: who answers "what are the labels of these images?" when a selector has chosen them. The
 * engine asks for labels only of the images it labels (the initial random set, then each round's chosen
 * ones) and never reads a pool label it has not been given. In the simulation the dataset answers (its labels
 * are the oracle, as in the paper); in the labelling mode a person does.
 */
import type { Dataset } from '../data/types.ts';

/** A pool label not given yet. */
export const UNKNOWN_LABEL = -1;

/** Labels of images by their index in the dataset's training split, in the order asked. */
export type Oracle = (images: readonly number[]) => Promise<number[]>;

/** The simulation's oracle: the dataset's own labels. */
export const datasetOracle = (dataset: Dataset): Oracle => async (images) => images.map((i) => dataset.train.labels[i]!);

/** Writes the oracle's answers for pool positions into `labels`, checking each; asks only for unknown ones. */
export async function learnLabels(oracle: Oracle, positions: readonly number[], datasetIndex: Int32Array, labels: Int32Array, classes: number): Promise<void> {
  const unknown = positions.filter((p) => labels[p] === UNKNOWN_LABEL);
  if (unknown.length === 0) return;
  const answers = await oracle(unknown.map((p) => datasetIndex[p]!));
  if (answers.length !== unknown.length) throw new RangeError(`the oracle gave ${answers.length} labels for ${unknown.length} images`);
  answers.forEach((label, k) => {
    if (!Number.isInteger(label) || label < 0 || label >= classes) throw new RangeError(`the oracle gave the label ${label} for image ${datasetIndex[unknown[k]!]}; labels are 0..${classes - 1}`);
    labels[unknown[k]!] = label;
  });
}
