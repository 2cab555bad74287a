/**
 * The dataset control: choose an embedded or imported dataset, import one from files (CIFAR
 * .bin/.bin.gz/.tar.gz, an IDX pair, an image-folder .zip), see the list and delete imports. A link whose
 * dataset is not in this browser says which one is missing and how to import it.
 */
import { useShallow } from 'zustand/react/shallow';
import { importDatasetFiles, removeDataset } from '../../services/datasets.ts';
import { useLab } from '../../store/labStore.ts';
import type { DatasetEntry } from '../../store/types.ts';
import { bytes, count } from '../format.ts';
import { FieldRow } from './FieldControl.tsx';
import { Notice } from '../Notice.tsx';

const ACCEPT = '.bin,.gz,.tgz,.tar,.zip,.ubyte,.txt,.idx1-ubyte,.idx3-ubyte';

import { matchesDataset } from '../../store/datasetMatch.ts';

function DatasetList({ list, selected }: { list: DatasetEntry[]; selected: string }) {
  return (
    <table className="datasets" data-testid="datasets.list">
      <thead>
        <tr>
          <th>dataset</th>
          <th>shape</th>
          <th>classes</th>
          <th>train / test</th>
          <th>size</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {list.map((d) => (
          <tr key={d.id} data-testid={`datasets.row.${d.id}`} className={matchesDataset(d, selected) ? 'selected' : undefined}>
            <td title={d.datasetId}>
              {d.name}
              <div className="muted">{d.id}</div>
            </td>
            <td>{d.imageShape.join('×')}</td>
            <td>{d.classes}</td>
            <td>
              {count(d.counts.train)} / {count(d.counts.test)}
            </td>
            <td>{bytes(d.bytes)}</td>
            <td>
              {d.source === 'imported' ? (
                <button type="button" className="small" data-testid={`datasets.delete.${d.id}`} onClick={() => void removeDataset(d.id)}>
                  delete
                </button>
              ) : (
                <span className="muted">embedded</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DatasetField() {
  const { selected, datasets, setValue, importer } = useLab(useShallow((s) => ({ selected: s.config.dataset, datasets: s.datasets, setValue: s.actions.setValue, importer: !s.url.panels.includes('importer') })));
  const entry = datasets.list.find((d) => matchesDataset(d, selected));
  const missing = datasets.loaded && !entry;
  return (
    <FieldRow k="dataset">
      <select id="config-dataset" data-testid="config.dataset" value={entry?.id ?? selected} onChange={(e) => setValue('dataset', e.target.value)}>
        {missing && <option value={selected}>{selected} (missing)</option>}
        {datasets.list.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name} ({d.id})
          </option>
        ))}
      </select>
      {missing && (
        <div className="notice warn" data-testid="datasets.missing">
          This link uses the dataset <strong>{selected}</strong>, which is not in this browser. Import its files below
          (CIFAR .bin / .bin.gz / .tar.gz, an IDX image + label pair, or an image-folder .zip): the same files give the
          same id. Or pick another dataset.
        </div>
      )}
      {importer && (
      <label className="import">
        Import dataset…{' '}
        <input
          type="file"
          multiple
          accept={ACCEPT}
          data-testid="datasets.import"
          disabled={datasets.importing !== null}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void importDatasetFiles(files);
          }}
        />
      </label>
      )}
      {datasets.importing && (
        <div className="muted" data-testid="datasets.importing">
          importing {datasets.importing} {datasets.importProgress ?? ''}
        </div>
      )}
      <Notice testId="datasets.error" className="field-error" alert>
        {datasets.error}
      </Notice>
      <Notice testId="datasets.message" className="muted">
        {datasets.message}
      </Notice>
      <DatasetList list={datasets.list} selected={selected} />
    </FieldRow>
  );
}
