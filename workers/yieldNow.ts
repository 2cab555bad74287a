/**
 * Gives the worker's event loop a turn, so a cancel message that is waiting gets handled. A
 * MessageChannel message is a task in the same (posted message) source as the page's messages, so
 * messages queued before it run first; setTimeout(0) is the fallback.
 */
let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

export function yieldNow(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
