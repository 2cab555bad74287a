/** A speed calibration's result (core/train/calibrate.ts measures it; the page prices runs with it). Free of tfjs. */
export interface SpeedCalibration {
  backend: string;
  /** Seconds per training image per MAC of the network's forward pass, and per inference image per MAC. */
  trainPerMac: number;
  forwardPerMac: number;
  /** What was timed, for the reader. */
  model: string;
  batch: number;
  /** Seconds of `steps` timed training steps, and of one forward pass of `images` images. */
  steps: number;
  images: number;
  trainSeconds: number;
  forwardSeconds: number;
}
