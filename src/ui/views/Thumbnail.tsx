/** One image at its own size, painted into a canvas and scaled up by CSS with sharp pixels. */
import { useEffect, useRef } from 'react';

export function Thumbnail({ image, label }: { image: ImageData | undefined; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !image) return;
    c.width = image.width;
    c.height = image.height;
    c.getContext('2d')?.putImageData(image, 0, 0);
  }, [image]);
  return <canvas ref={canvas} className={`dv-thumb${image ? '' : ' dv-thumb-empty'}`} role="img" aria-label={label} width={32} height={32} data-painted={image ? 'true' : 'false'} />;
}
