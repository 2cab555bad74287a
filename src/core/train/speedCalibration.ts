/** A speed calibration's result (core/train/calibrate.ts measures it; the page prices runs with it). Free of tfjs. */
export interface SpeedCalibration {
  backend: string;
  /** Seconds per training image per MAC of the network's forward pass, and per inference image per MAC. */
  trainPerMac: number;
  forwardPerMac: number;
  /** What was timed, for the reader. */
  model: string;
  batch: number;
  /** `steps` timed training steps: their median times `steps`; the fastest of two forward passes of `images` images. */
  steps: number;
  images: number;
  trainSeconds: number;
  forwardSeconds: number;
}
