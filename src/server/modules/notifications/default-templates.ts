import type { NotificationEvent, TemplateTexts } from '../../../contracts/notifications';

/**
 * The first version of each event's template, seeded when an event has none (administrators add
 * later versions). Vietnamese first, English after; the wording follows the one-stop slips (Mẫu 01
 * receipt and appointment, Mẫu 02 supplement, Mẫu 04 apology, Decree 118/2025).
 */
export const DEFAULT_TEMPLATES: Readonly<Record<NotificationEvent, TemplateTexts>> = {
  dossier_received: {
    subjectVi: 'Hồ sơ {{dossierCode}} đã được tiếp nhận',
    subjectEn: 'Dossier {{dossierCode}} received',
    bodyVi:
      'Kính gửi {{citizenName}},\n\nHồ sơ {{dossierCode}} (thủ tục {{procedureCode}}) đã được tiếp nhận ngày {{receivedDate}}.\nNgày hẹn trả kết quả: {{appointmentDate}}.\n\nTheo dõi hồ sơ tại {{portalUrl}}',
    bodyEn:
      'Dear {{citizenName}},\n\nDossier {{dossierCode}} (procedure {{procedureCode}}) was received on {{receivedDate}}.\nThe result is due on {{appointmentDate}}.\n\nFollow it at {{portalUrl}}',
    smsVi: 'Ho so {{dossierCode}} da duoc tiep nhan. Hen tra ket qua: {{appointmentDate}}.',
  },
  supplement_requested: {
    subjectVi: 'Hồ sơ {{dossierCode}} cần bổ sung',
    subjectEn: 'Dossier {{dossierCode}} needs more documents',
    bodyVi:
      'Kính gửi {{citizenName}},\n\nHồ sơ {{dossierCode}} cần được bổ sung, hoàn thiện:\n{{supplementItems}}\n\nHạn bổ sung: {{supplementDeadline}}.\nThời hạn giải quyết tạm dừng trong khi chờ bổ sung.\n\nBổ sung tại {{portalUrl}}',
    bodyEn:
      'Dear {{citizenName}},\n\nDossier {{dossierCode}} needs to be completed:\n{{supplementItems}}\n\nComplete it by: {{supplementDeadline}}.\nThe processing time is paused meanwhile.\n\nComplete it at {{portalUrl}}',
    smsVi: 'Ho so {{dossierCode}} can bo sung. Han: {{supplementDeadline}}. Xem chi tiet tren Cong dich vu cong.',
  },
  overdue_apology: {
    subjectVi: 'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{dossierCode}}',
    subjectEn: 'Apology and new date for dossier {{dossierCode}}',
    bodyVi:
      'Kính gửi {{citizenName}},\n\nCơ quan giải quyết xin lỗi vì hồ sơ {{dossierCode}} chưa được giải quyết đúng hẹn.\nLý do: {{reason}}\nNgày hẹn trả kết quả mới: {{newAppointmentDate}}.\n\n(Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04)',
    bodyEn:
      'Dear {{citizenName}},\n\nWe apologise: dossier {{dossierCode}} could not be settled on time.\nReason: {{reason}}\nThe new date for the result is {{newAppointmentDate}}.\n\n(Apology slip, form 04)',
    smsVi: 'Xin loi: ho so {{dossierCode}} tre han. Hen moi: {{newAppointmentDate}}.',
  },
  result_ready: {
    subjectVi: 'Đã có kết quả hồ sơ {{dossierCode}}',
    subjectEn: 'The result of dossier {{dossierCode}} is ready',
    bodyVi:
      'Kính gửi {{citizenName}},\n\nHồ sơ {{dossierCode}} đã có kết quả.\nCách nhận: {{collectionMethod}}.\n\nXem tại {{portalUrl}}\nSau khi nhận kết quả, mời bạn đánh giá mức độ hài lòng: {{ratingLink}}',
    bodyEn:
      'Dear {{citizenName}},\n\nThe result of dossier {{dossierCode}} is ready.\nHow to collect it: {{collectionMethod}}.\n\nSee {{portalUrl}}\nOnce you have it, please rate the service: {{ratingLink}}',
    smsVi: 'Ho so {{dossierCode}} da co ket qua. Cach nhan: {{collectionMethod}}.',
  },
  payment_received: {
    subjectVi: 'Đã nhận lệ phí hồ sơ {{dossierCode}}',
    subjectEn: 'Fee received for dossier {{dossierCode}}',
    bodyVi:
      'Kính gửi {{citizenName}},\n\nĐã nhận {{amount}} lệ phí của hồ sơ {{dossierCode}}. Biên lai điện tử có trong tài khoản của bạn.\n\n{{portalUrl}}',
    bodyEn:
      'Dear {{citizenName}},\n\nWe received {{amount}} for dossier {{dossierCode}}. The e-receipt is in your account.\n\n{{portalUrl}}',
    smsVi: 'Da nhan {{amount}} le phi ho so {{dossierCode}}.',
  },
  payment_refunded: {
    subjectVi: 'Hoàn lệ phí hồ sơ {{dossierCode}}',
    subjectEn: 'Fee refunded for dossier {{dossierCode}}',
    bodyVi:
      'Kính gửi {{citizenName}},\n\nLệ phí của hồ sơ {{dossierCode}} đã được hoàn: {{refundDetail}}.\nLý do: {{reason}}\n\n{{portalUrl}}',
    bodyEn:
      'Dear {{citizenName}},\n\nThe fee of dossier {{dossierCode}} was refunded: {{refundDetail}}.\nReason: {{reason}}\n\n{{portalUrl}}',
    smsVi: 'Ho so {{dossierCode}}: {{refundDetail}}.',
  },
  automatic_refusal: {
    subjectVi: 'Hồ sơ {{dossierCode}} bị từ chối do quá hạn bổ sung',
    subjectEn: 'Dossier {{dossierCode}} refused: not completed in time',
    bodyVi:
      'Kính gửi {{citizenName}},\n\nHồ sơ {{dossierCode}} đã bị từ chối tự động.\nLý do: {{reason}}\nCăn cứ: {{legalBasis}}\n\nBạn có thể nộp hồ sơ mới tại {{portalUrl}}',
    bodyEn:
      'Dear {{citizenName}},\n\nDossier {{dossierCode}} was refused automatically.\nReason: {{reason}}\nLegal basis: {{legalBasis}}\n\nYou may file a new dossier at {{portalUrl}}',
    smsVi: 'Ho so {{dossierCode}} bi tu choi do qua han bo sung.',
  },
  automatic_withdrawal: {
    subjectVi: 'Hồ sơ {{dossierCode}} đã tự hủy do chưa nộp phí, lệ phí',
    subjectEn: 'Dossier {{dossierCode}} cancelled: the fee was not paid',
    bodyVi:
      'Kính gửi {{citizenName}},\n\nHồ sơ {{dossierCode}} (thủ tục {{procedureCode}}) đã được hệ thống tự động rút, chưa chuyển đến cơ quan giải quyết.\nLý do: {{reason}}\n\nBạn có thể nộp hồ sơ mới tại {{portalUrl}}',
    bodyEn:
      'Dear {{citizenName}},\n\nDossier {{dossierCode}} (procedure {{procedureCode}}) was withdrawn automatically and not sent to the deciding agency.\nReason: {{reason}}\n\nYou may file a new dossier at {{portalUrl}}',
    smsVi: 'Ho so {{dossierCode}} da tu huy do chua nop le phi dung han. Co the nop ho so moi.',
  },
};
