import { useState } from 'react';
import { App } from 'antd';
import type { PilotModel } from '../../../contracts/pilots';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';

/**
 * A command on a model (upload, add, move, evaluate): busy while it runs, the updated model on
 * success with a short message, the API's error kept to show beside the command.
 */
export function useCommand(onChange: (model: PilotModel) => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = async (send: () => Promise<PilotModel>, done: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await send());
      void message.success(done);
      return true;
    } catch (e) {
      setError(toApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
