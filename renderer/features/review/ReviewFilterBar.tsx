import { kindFilterCycle, stateFilterCycle, type ReviewFilter } from './reviewFilter';
import { reviewKindLabels, reviewStateLabels } from './reviewLabels';

/** The current filter, as pressed buttons (F and S walk through them from the keyboard). */
export function ReviewFilterBar({ filter, total, onChange }: { filter: ReviewFilter; total: number | null; onChange(filter: ReviewFilter): void }) {
  return (
    <nav className="review-filters" aria-label="Filters" data-testid="review-filters">
      <div className="filter-group" role="group" aria-label="Kind">
        <kbd>F</kbd>
        {kindFilterCycle.map((kind) => (
          <button key={kind} type="button" tabIndex={-1} aria-pressed={filter.kind === kind} className={filter.kind === kind ? 'filter active' : 'filter'} onClick={() => onChange({ ...filter, kind })}>
            {kind === 'all' ? 'All kinds' : reviewKindLabels[kind]}
          </button>
        ))}
      </div>
      <div className="filter-group" role="group" aria-label="State">
        <kbd>S</kbd>
        {stateFilterCycle.map((state) => (
          <button key={state} type="button" tabIndex={-1} aria-pressed={filter.state === state} className={filter.state === state ? 'filter active' : 'filter'} onClick={() => onChange({ ...filter, state })}>
            {reviewStateLabels[state]}
          </button>
        ))}
      </div>
      <span className="review-total" data-testid="review-total">
        {total === null ? 'reading…' : `${total.toLocaleString('en-US')} item${total === 1 ? '' : 's'}`}
      </span>
    </nav>
  );
}
