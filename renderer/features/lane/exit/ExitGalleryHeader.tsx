import type { VisionPhase } from '../../../state/visionSlice';
import type { ExitGalleryState } from './useExitGallery';

function ageText(fetchedAt: string | null, now: number): string {
  if (!fetchedAt) return 'never fetched';
  const minutes = Math.max(0, Math.round((now - Date.parse(fetchedAt)) / 60_000));
  return minutes < 1 ? 'fetched just now' : minutes < 120 ? `fetched ${minutes} min ago` : `fetched ${Math.round(minutes / 60)} h ago`;
}

/** The exit lane's gallery at a glance: how many travellers it holds, how many are enrolled, how old it is, and whether the face matcher could search it. */
export function ExitGalleryHeader({ gallery, now, searchProblem, vision }: { gallery: ExitGalleryState; now: number; searchProblem: string | null; vision: VisionPhase }) {
  const size = gallery.gallery?.entries.length ?? 0;
  return (
    <section className="panel exit-gallery" data-testid="exit-gallery" data-phase={gallery.phase} data-size={size} data-enrolled={gallery.enrolled} data-vision={vision.phase}>
      <h2>Exit gallery{gallery.gallery ? `: ${gallery.gallery.port}` : ''}</h2>
      <p data-testid="exit-gallery-summary">
        {gallery.phase === 'unavailable' ? 'Unavailable: no gallery to identify against. Every traveller is inspected.' : `${size} travellers expected · ${gallery.enrolled} enrolled · ${ageText(gallery.fetchedAt, now)}`}
        {gallery.phase === 'enrolling' && ' · enrolling…'}
      </p>
      {gallery.message && <p className="notice-warning">{gallery.message}</p>}
      {(vision.phase === 'restarting' || vision.phase === 'unavailable') && (
        <p className="notice-error" data-testid="exit-vision-status">
          {vision.message}
          {vision.phase === 'restarting' && ': the gallery is enrolled again once it is back'}
        </p>
      )}
      {searchProblem && (
        <p className="notice-error" data-testid="exit-gallery-problem">
          The face matcher could not search the gallery ({searchProblem}): faces are shown as not identified until it can.
        </p>
      )}
    </section>
  );
}
