/** An open labelling session: where it stands, the batch to label, the estimate, Finish and the exports. */
import { batchProgress, RANDOM, roleCounts } from '../../core/labelling/session.ts';
import { cancelWork, closeAndTrain, closeSession, finishLabelling, runRound } from '../../services/labelling.ts';
import { useLabelling } from '../../store/labellingStore.ts';
import { count, dateTime, pct } from '../format.ts';
import { METRIC_NAMES } from '../names.ts';
import type { MetricId } from '../../core/select/metricIds.ts';
import { EstimateChart } from './EstimateChart.tsx';
import { LabellingExports } from './LabellingExports.tsx';
import { LabellingGrid } from './LabellingGrid.tsx';
import { WorkerActivityLine } from './WorkerActivityLine.tsx';

export function LabellingScreen() {
  const session = useLabelling((s) => s.session);
  const activity = useLabelling((s) => s.activity);
  const saved = useLabelling((s) => s.saved);
  if (!session) return null;
  const roles = roleCounts(session);
  const { answered, total } = batchProgress(session);
  const batch = session.batch;
  const training = session.pending !== null;
  const busy = activity !== null;
  const byText = !batch ? '' : batch.by === RANDOM ? (training ? 'random images, to label while the selector trains' : 'random images') : `hardest first by ${METRIC_NAMES[batch.by as MetricId] ?? batch.by}, then a random share held out`;
  return (
    <section className="label-screen" aria-labelledby="label-session-title">
      <div className="label-head">
        <h2 id="label-session-title">{session.name}</h2>
        <button type="button" onClick={closeSession}>Close session</button>
      </div>
      <p className="muted" data-testid="label-counts">
        {count(session.names.length)} images, {session.classes.length} classes: {count(roles.train)} training labels, {count(roles.holdout)} held out for the estimate, {count(roles.skipped)} skipped, {count(roles.unlabelled)} not labelled.
        {' '}Batches labelled: <span data-testid="label-batches">{session.answered.length}</span>.{' '}
        <span data-testid="label-saved" data-saved={saved}>{saved === 'saved' ? 'All answers saved in this browser.' : saved === 'saving' ? 'Saving…' : 'Not saved (see the message).'}</span>
      </p>
      <WorkerActivityLine />
      {batch && batch.queue.length > 0 ? (
        <>
          <h3 className="label-batch-title" data-testid="label-progress" aria-live="polite">
            {answered} of {total} in this batch <span className="muted">({byText})</span>
          </h3>
          <LabellingGrid />
        </>
      ) : (
        <p data-testid="label-no-batch">{training ? 'The selector is training; the next batch comes when it has.' : roles.unlabelled === 0 ? 'Every image is labelled or skipped.' : 'No batch is queued.'}</p>
      )}
      <div className="controls label-actions">
        {!training && batch && answered > 0 && answered < total && (
          <button type="button" onClick={() => void closeAndTrain()} disabled={busy}>
            Train on what is labelled now
          </button>
        )}
        {!training && (!batch || batch.queue.length === 0) && roles.unlabelled > 0 && (
          <button type="button" onClick={() => void closeAndTrain()} disabled={busy}>
            Next batch
          </button>
        )}
        {training && !busy && (
          <button type="button" onClick={() => void runRound()}>
            Retry the round
          </button>
        )}
        <button type="button" onClick={() => void finishLabelling()} disabled={busy || training} data-testid="label-finish">
          Finish: fuse and train the dense model
        </button>
        {busy && activity.what !== 'import' && (
          <button type="button" onClick={cancelWork}>
            Stop training
          </button>
        )}
      </div>
      {session.final && (
        <p data-testid="label-final" className="notice">
          Fused dense model trained {dateTime(session.final.at)}
          {session.final.estimate ? `: ${pct(session.final.estimate.accuracy)} on ${session.final.estimate.holdout} held-out labels, trained on ${session.final.estimate.trainedOn}.` : ' (no held-out labels, so no estimate).'}
        </p>
      )}
      <EstimateChart estimates={session.estimates} final={session.final?.estimate ?? null} />
      <LabellingExports />
    </section>
  );
}
