/** The workbook tracks another catalogue: ask before loading the new one (names both ids). */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useT } from "../i18n";

export interface ConfirmSwitchDialogProps {
  from: string;
  to: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmSwitchDialog({
  from,
  to,
  onConfirm,
  onCancel,
}: ConfirmSwitchDialogProps): React.JSX.Element {
  const { t } = useT();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => (!data.open ? onCancel() : undefined)}>
      <DialogSurface aria-describedby="confirm-switch-body">
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          <DialogContent id="confirm-switch-body">
            <p>{t.confirmBody(from, to)}</p>
            <p>{t.confirmDetail}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t.confirmOk}
            </Button>
            <Button onClick={onCancel}>{t.confirmCancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default ConfirmSwitchDialog;
