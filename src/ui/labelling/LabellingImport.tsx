/**
 * Importing one's own unlabelled images: a folder, a .zip or many files (JPEG, PNG, WebP, GIF, BMP; any
 * size, cut to 32 x 32: shorter side to 32, centred square), optional class names and optional known labels
 * (a CSV of file,label). Decoding runs in the labelling worker with progress; nothing leaves the machine.
 */
import { useId, useRef, useState } from 'react';
import { importForLabelling } from '../../services/labelling.ts';
import { useLabelling } from '../../store/labellingStore.ts';

export function LabellingImport() {
  const id = useId();
  const [classesText, setClassesText] = useState('');
  const csv = useRef<HTMLInputElement>(null);
  const busy = useLabelling((s) => s.activity?.what === 'import');
  const take = (list: FileList | null, input: HTMLInputElement) => {
    const files = [...(list ?? [])];
    input.value = '';
    void importForLabelling(files, { classesText, labelsCsv: csv.current?.files?.[0] ?? null });
  };
  return (
    <fieldset className="label-import" disabled={busy}>
      <legend>Import unlabelled images</legend>
      <p className="muted">
        JPEG, PNG, WebP, GIF or BMP, any size: each is cut to 32 × 32 pixels (shorter side to 32, then the centre square). Files that are not images, empty or corrupt are listed as skipped. The images stay in this browser.
      </p>
      <div className="field">
        <label htmlFor={`${id}-classes`}>Class names (optional now; one per line or comma-separated)</label>
        <textarea id={`${id}-classes`} rows={3} value={classesText} onChange={(e) => setClassesText(e.target.value)} placeholder={'cat\ndog'} />
        <label className="import">
          Or read them from a text file:{' '}
          <input type="file" accept=".txt,text/plain" onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void file.text().then(setClassesText);
          }} />
        </label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-csv`}>Known labels (optional CSV of file,label; without class names, its labels are the classes)</label>
        <input id={`${id}-csv`} ref={csv} type="file" accept=".csv,text/csv,text/plain" />
      </div>
      <label className="import">
        Images or a .zip:{' '}
        <input type="file" multiple accept="image/*,.zip,application/zip" data-testid="label-files" onChange={(e) => take(e.target.files, e.target)} />
      </label>
      <label className="import">
        Or a folder:{' '}
        <input type="file" data-testid="label-folder" {...{ webkitdirectory: '' }} onChange={(e) => take(e.target.files, e.target)} />
      </label>
    </fieldset>
  );
}
