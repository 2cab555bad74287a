/**
 * Downloads: the results as JSON (the CLI's schema: the CLI's --resume and the lab's import read it back),
 * as CSV (one row per method and round), the selected images (CSV), and any chart as SVG or PNG.
 */
import type { RunResults } from '../core/experiment/events.ts';
import { roundsCsv, selectionsCsv } from '../core/experiment/resultsCsv.ts';
import { modelFileStem } from '../core/models/weightsManifest.ts';
import { workerFinalModel } from './runController.ts';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stem = (r: RunResults): string => `prunefuse-${r.config.model}-seed${r.config.seed}-${r.startedAt.slice(0, 19).replaceAll(':', '')}`;

export function downloadJson(r: RunResults): void {
  download(`${stem(r)}.json`, new Blob([`${JSON.stringify(r, null, 1)}\n`], { type: 'application/json' }));
}

export function downloadCsv(r: RunResults): void {
  download(`${stem(r)}-rounds.csv`, new Blob([roundsCsv(r)], { type: 'text/csv' }));
}

export function downloadSelections(r: RunResults): void {
  download(`${stem(r)}-selections.csv`, new Blob([selectionsCsv(r)], { type: 'text/csv' }));
}

/** The chart's SVG as a standalone file: recharts draws plain SVG; text gets the page's font inline. */
function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  copy.setAttribute('style', `font-family: ${getComputedStyle(svg).fontFamily}; font-size: 12px; background: #fff`);
  return new XMLSerializer().serializeToString(copy);
}

export function downloadChartSvg(svg: SVGSVGElement, name: string): void {
  download(`${name}.svg`, new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
}

export async function downloadChartPng(svg: SVGSVGElement, name: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const scale = 2;
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), { width: Math.round(width * scale), height: Math.round(height * scale) });
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(image.src);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) download(`${name}.png`, blob);
}

/** The final model of a method as model.json + .bin; false when this tab's worker does not hold it. */
export async function downloadFinalModel(method: string): Promise<boolean> {
  const stem = modelFileStem(method);
  const model = await workerFinalModel(method, `${stem}.weights.bin`);
  if (!model) return false;
  download(`${stem}.model.json`, new Blob([JSON.stringify(model.modelJson)], { type: 'application/json' }));
  download(`${stem}.weights.bin`, new Blob([model.bin as BlobPart], { type: 'application/octet-stream' }));
  return true;
}
