/**
 * Identity for wasm without a copy. tfjs runs Identity to clone every tensor a gradient needs later (the
 * inputs and outputs each kernel's gradient saves), so during a training step it runs hundreds of times on
 * full activations; wasm's own Identity copies the data each time. Tensor data is immutable in tfjs (a
 * variable's assign switches data ids), so the clone can share the data id and bump its reference count,
 * as the cpu backend's Identity does. Strings keep the original kernel.
 */
import { Identity, type KernelBackend, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';

type Args = { inputs: { x: TensorInfo }; backend: KernelBackend & { incRef(dataId: object): void } };

export function sharedIdentityConfig(backendName: string, fallback?: KernelConfig): KernelConfig {
  const kernelFunc = (args: Args): TensorInfo => {
    const { x } = args.inputs;
    if (x.dtype === 'string') {
      if (!fallback) throw new Error(`Identity on ${backendName}: no kernel for strings`);
      return fallback.kernelFunc(args as never) as TensorInfo;
    }
    args.backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  return { kernelName: Identity, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
}
