/**
 * Service plans and SKUs the readiness rules look for (brief §4d). The plan ids are the
 * widely quoted Microsoft ids; SKU ids are those of the suites that carry INTUNE_A.
 */
export const SERVICE_PLANS = {
  INTUNE_A: { id: 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5', service: 'SCO' },
  INTUNE_O365: { id: '882e1d05-acd1-4ccb-8708-6ee03664b117', service: 'SCO' },
  INTUNE_EDU: { id: 'da24caf9-af8e-485c-b7c8-e73336da2693', service: 'SCO' },
  EXCHANGE_S_ENTERPRISE: { id: 'efb87545-963c-4e0d-99df-69c6916d9eb0', service: 'exchange' },
} as const;

export const SKUS = {
  EMS: { id: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e', partNumber: 'EMS' },
  SPE_E3: { id: '05e9a617-0261-4cee-bb44-138d3ef5d965', partNumber: 'SPE_E3' },
  ENTERPRISEPACK: { id: '6fd2c87f-b296-42f0-b197-1e91e994b900', partNumber: 'ENTERPRISEPACK' },
  INTUNE_A: { id: '061f9ace-7d42-4136-88ac-31dc755f143f', partNumber: 'INTUNE_A' },
} as const;
