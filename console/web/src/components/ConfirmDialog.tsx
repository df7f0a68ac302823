import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  /** false keeps the confirm button disabled (e.g. a required message is empty) */
  canConfirm?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before an action that cannot be taken back (or that needs a few words first). */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, canConfirm = true, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) {
      return;
    }
    if (open && !element.open) {
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog" onCancel={(e) => { e.preventDefault(); onCancel(); }} data-testid="confirm-dialog">
      {open && (
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); onConfirm(); }}>
          <h2>{title}</h2>
          <div className="dialog-body">{children}</div>
          <div className="dialog-actions">
            <button type="button" onClick={onCancel} data-testid="confirm-cancel">
              Cancel
            </button>
            <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy || !canConfirm} data-testid="confirm-ok">
              {busy ? 'Working…' : confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
