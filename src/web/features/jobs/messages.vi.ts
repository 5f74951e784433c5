/** Vietnamese text of the job queue page (/admin/jobs). */
export const viJobs = {
  'jobs.title': 'Hàng đợi công việc',
  'jobs.intro':
    'Các việc chạy nền của hệ thống (gửi thông báo, đồng bộ, hết hạn thanh toán, tính chỉ tiêu…): số việc theo trạng thái, các việc đã thất bại sau lần thử cuối và chạy lại một việc.',
  'jobs.queues': 'Các hàng đợi',
  'jobs.queue': 'Hàng đợi',
  'jobs.ready': 'Chờ chạy',
  'jobs.deferred': 'Hẹn giờ',
  'jobs.active': 'Đang chạy',
  'jobs.failed': 'Thất bại',
  'jobs.deadLetters': 'Chờ chạy lại',
  'jobs.schedule': 'Lịch (giờ Việt Nam)',
  'jobs.noSchedule': '—',
  'jobs.failedJobs': 'Việc thất bại',
  'jobs.failedIntro':
    'Việc đã thử hết số lần cho phép. Dữ liệu chỉ hiện mã định danh; giá trị khác (tên, số định danh, số điện thoại) hiện là “…”.',
  'jobs.data': 'Dữ liệu',
  'jobs.error': 'Lỗi',
  'jobs.attempts': 'Số lần chạy',
  'jobs.enqueuedAt': 'Đưa vào lúc',
  'jobs.failedAt': 'Thất bại lúc',
  'jobs.retry': 'Chạy lại',
  'jobs.retried': 'Đã đưa việc {id} trở lại hàng đợi {queue}.',
  'jobs.noFailed': 'Không có việc thất bại nào.',
  'jobs.refresh': 'Tải lại',
} as const satisfies Record<string, string>;
