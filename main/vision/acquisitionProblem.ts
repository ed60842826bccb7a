/**
 * Why the run says nothing about the model (every image failed, or more failures to acquire than allowed), or
 * null. An eval that measured nothing must not exit 0, nor calibrate.
 */
export function acquisitionProblem(failures: readonly { path: string; error: string }[], images: number, maxFta: number | undefined): string | null {
  if (images > 0 && failures.length === images) return `every image (${images}) failed to acquire a face, e.g. ${failures[0]?.path}: ${failures[0]?.error}; is the manifest right for this model (layout, size, names)?`;
  const rate = images ? failures.length / images : 0;
  if (maxFta !== undefined && rate > maxFta) return `${failures.length} of ${images} images failed to acquire a face (${(rate * 100).toFixed(2)} %), above --max-fta ${maxFta}`;
  return null;
}
