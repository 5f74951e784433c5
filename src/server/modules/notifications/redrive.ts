import { AppError } from '../../platform/errors';
import { uuidInJobData, type RedriveHook } from '../jobs';
import { reopenFailedMessage } from './admin.service';

/**
 * The jobs page's retry of a `notifications.send` dead letter (`{ outboxId }`; the redrive hook of
 * that queue, ADR 0031): the `failed` message is reopened as the outbox page's retry reopens it
 * (`reopenFailedMessage`: `queued`, attempts from 0), in the redrive's transaction, so the redriven
 * job finds it due and sends it. Refused when the message is not `failed` (already retried from
 * /admin/notifications, sent, skipped, or gone): nothing reopened, nothing redriven.
 *
 * Wired in runtime.ts's `registerNotificationJobs`:
 * `queue.createQueue(SEND_QUEUE, { …, onRedrive: redriveSendJob })`.
 */
export const redriveSendJob: RedriveHook = async (tx, data) => {
  const outboxId = uuidInJobData(data, 'outboxId');
  let why: { vi: string; en: string } = { vi: 'không còn thông báo này', en: 'the message no longer exists' };
  if (outboxId) {
    try {
      await reopenFailedMessage(tx, outboxId);
      return undefined;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const field = error.fields?.[0]; // notFailed names the status; messageNotFound has none
      if (field)
        why = {
          vi: `${field.messageVi} — chỉ thông báo đã gửi lỗi sau khi hết số lần thử mới gửi lại được`,
          en: `${field.messageEn} — only a message whose delivery failed for good is retried`,
        };
    }
  }
  return {
    reasonVi: `${why.vi} (có thể đã được gửi lại từ trang Hộp thư đi thông báo)`,
    reasonEn: `${why.en} (it may have been retried from the Notifications outbox page)`,
    page: '/admin/notifications',
  };
};
