/**
 * Label your own images: the pruned network chooses, the person answers. Without an open session, the
 * import, an import waiting for its classes, and the saved sessions; with one, the labelling screen.
 */
import { useEffect } from 'react';
import { refreshSessions } from '../../services/labelling.ts';
import { useLabelling } from '../../store/labellingStore.ts';
import { DraftForm } from './DraftForm.tsx';
import { LabellingImport } from './LabellingImport.tsx';
import { LabellingScreen } from './LabellingScreen.tsx';
import { SessionFileImport } from './LabellingExports.tsx';
import { SessionList } from './SessionList.tsx';
import { WorkerActivityLine } from './WorkerActivityLine.tsx';

export function LabellingMode() {
  const open = useLabelling((s) => s.session !== null);
  const draft = useLabelling((s) => s.draft !== null);
  useEffect(() => void refreshSessions(), []);
  if (open) return <LabellingScreen />;
  return (
    <section className="label-start" aria-labelledby="label-start-title">
      <h2 id="label-start-title">Label your own images</h2>
      <p>
        Import images nobody has labelled. A pruned copy of the network (cheap to retrain) picks the images whose labels would teach it most; you label them by keyboard, batch by batch.
        At the end its weights are fused into the full network, which trains with distillation on your labels. Nothing leaves this browser; the session is saved as you go.
      </p>
      <WorkerActivityLine />
      {draft ? <DraftForm /> : <LabellingImport />}
      <h3>Saved sessions</h3>
      <SessionList />
      <SessionFileImport />
    </section>
  );
}
