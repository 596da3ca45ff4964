export {
  createReconciler,
  restoreReconciler,
  type Reconciler,
  type ReconcilerOptions,
  type ReconcilerSnapshot,
  type ReconEvent,
  type ReconEventType,
} from './reconciler';
