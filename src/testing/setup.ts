// Unit tests run in Node on tfjs's CPU backend.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';

await tf.setBackend('cpu');
await tf.ready();
// The cpu backend greets Node users once with advice to install tfjs-node (which cannot install here).
(tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
