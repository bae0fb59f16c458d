/** Reconciliation: later Intune exports beside the baseline, and what became of each baseline device (issue #18). */
export * from './laterExport.js';
export * from './reconcile.js';
