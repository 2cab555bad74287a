/** Which pruning ratio a method view shows, where the run (or the settings) has several. */
export function RatioPicker({ ratios, value, onChange, id }: { ratios: readonly number[]; value: number; onChange: (ratio: number) => void; id: string }) {
  if (ratios.length < 2) return null;
  return (
    <fieldset className="method-ratio" data-testid={`${id}.ratios`}>
      <legend>Pruning ratio p</legend>
      {ratios.map((r) => (
        <label key={r}>
          <input type="radio" name={`${id}-ratio`} value={r} checked={r === value} onChange={() => onChange(r)} data-testid={`${id}.ratio.${r}`} /> {r}
        </label>
      ))}
    </fieldset>
  );
}
