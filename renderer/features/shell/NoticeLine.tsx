import { useBooth } from '../../state/StoreContext';

/** The latest action result or warning, announced to screen readers. */
export function NoticeLine() {
  const notice = useBooth((state) => state.notice);
  return (
    <div className={`notice notice-${notice?.tone ?? 'info'}`} role="status" aria-live="polite" data-testid="notice">
      {notice?.text ?? ''}
    </div>
  );
}
