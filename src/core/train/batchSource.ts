/** Where training and scoring get their images: normalised float batches by index, and labels. */

export interface BatchSource {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly numClasses: number;
  /** Labels of every image, by index. */
  readonly labels: Int32Array;
  /** Normalised float32 NHWC pixels of the given images. */
  pixels(indices: ArrayLike<number>): Float32Array;
}
