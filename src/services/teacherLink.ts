/** A link to this page's settings with a teacher's flags (hidden and locked settings, hidden panels). */
import type { RunConfig } from '../core/config/runConfig.ts';
import type { TeacherFlags } from '../url/codec.ts';
import { queryOf } from './urlSync.ts';

export function shareableLink(config: RunConfig, flags: TeacherFlags): string {
  return `${location.origin}${location.pathname}${queryOf(config, flags)}`;
}
