/** A captioned table that scrolls sideways inside its own focusable box, so a wide one never widens the page. */
import type { ReactNode } from 'react';

export function ScrollTable({ caption, className, testId, children }: { caption: string; className?: string; testId: string; children: ReactNode }) {
  return (
    <div className="dv-scroll" tabIndex={0} role="group" aria-label={`${caption} (scrolls sideways)`}>
      <table className={className ? `dv-table ${className}` : 'dv-table'} data-testid={testId}>
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
