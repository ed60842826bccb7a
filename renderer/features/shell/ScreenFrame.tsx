import type { ReactNode } from 'react';
import { BoothHeader } from './BoothHeader';
import { NoticeLine } from './NoticeLine';

/**
 * The frame every screen shares: the header (booth, lane, user, network, sync, devices), the notice line,
 * the screen's own content and its shortcut bar.
 */
export function ScreenFrame({ className, notices = true, footer, children }: { className?: string; notices?: boolean; footer?: ReactNode; children: ReactNode }) {
  return (
    <div className={className ? `booth ${className}` : 'booth'}>
      <BoothHeader />
      {notices && <NoticeLine />}
      {children}
      {footer}
    </div>
  );
}
