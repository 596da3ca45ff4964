export {
  createReconciler,
  restoreReconciler,
  type Reconciler,
  type ReconcilerOptions,
  type ReconcilerSnapshot,
  type ReconcilerSnapshotV1,
  type ReconEvent,
  type ReconEventType,
} from './reconciler';
