/** A line of status text, shown only when there is some; `alert` makes screen readers announce it. */
import type { ReactNode } from 'react';

export function Notice({ testId, className, alert, children }: { testId: string; className: string; alert?: boolean; children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <div className={className} role={alert ? 'alert' : undefined} data-testid={testId}>
      {children}
    </div>
  );
}
