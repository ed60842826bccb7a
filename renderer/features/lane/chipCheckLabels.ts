import type { ChipCheck } from '../../../app/document/lds/chipCheck';
import { assertNever } from '../../../app/shared/assertNever';

/** The officer's words for each chip check. */
export function chipCheckLabel(check: ChipCheck): string {
  switch (check.check) {
    case 'access_control':
      return `Access control${check.detail?.protocol ? ` (${String(check.detail.protocol)})` : ''}`;
    case 'sod_structure':
      return 'Security object (SOD) present';
    case 'sod_signature':
      return 'SOD signature';
    case 'dg_hash':
      return `DG${check.dg ?? '?'} unaltered (hash)`;
    case 'ds_certificate_validity':
      return 'Document signer certificate valid';
    case 'csca_chain':
      return `Issued by a trusted state (CSCA)${check.detail?.csca ? `: ${String(check.detail.csca)}` : ''}`;
    case 'crl':
      return 'Certificate not revoked (CRL)';
    case 'master_list':
      return 'Master list signature';
    case 'active_authentication':
      return 'Active Authentication (not cloned)';
    case 'chip_authentication':
      return 'Chip Authentication (not cloned)';
    case 'dg1_vs_mrz':
      return 'Chip MRZ matches printed MRZ';
    default:
      return assertNever(check.check, 'chip check');
  }
}
