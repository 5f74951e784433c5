/**
 * The consent texts citizens are asked to agree to, versioned. The web app shows the text of
 * the citizen's language in full and sends exactly that text and its version; the server keeps
 * the version and a hash of the text (audit.consents). A changed text needs a new version.
 */
export interface ConsentOffer {
  /** The consent's purpose code, e.g. `sms_notifications`. */
  purposeCode: string;
  titleVi: string;
  titleEn: string;
  /** Version label per language (the text differs, so does the version). */
  versionVi: string;
  versionEn: string;
  textVi: string;
  textEn: string;
}

export const SMS_NOTIFICATIONS: ConsentOffer = {
  purposeCode: 'sms_notifications',
  titleVi: 'Nhận tin nhắn SMS về hồ sơ, thủ tục',
  titleEn: 'SMS messages about my applications',
  versionVi: 'sms-2026-01.vi',
  versionEn: 'sms-2026-01.en',
  textVi: [
    'Tôi đồng ý để Uỷ ban nhân dân tỉnh Lai Châu (hệ thống DVC06) dùng số điện thoại của tôi trong Cơ sở dữ liệu quốc gia về dân cư để gửi tin nhắn SMS báo tình trạng hồ sơ, lịch hẹn và kết quả giải quyết thủ tục hành chính của tôi.',
    'Tin nhắn không chứa quảng cáo. Số điện thoại không được chia sẻ cho bên khác.',
    'Tôi có thể rút lại sự đồng ý này bất cứ lúc nào tại trang "Sự đồng ý của tôi"; việc rút lại không ảnh hưởng đến các tin nhắn đã gửi trước đó (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).',
  ].join('\n\n'),
  textEn: [
    'I agree that the People’s Committee of Lai Châu province (the DVC06 system) may use my phone number in the National Population Database to send me SMS messages about the status, appointments and results of my administrative procedures.',
    'The messages contain no advertising. My phone number is not shared with anyone else.',
    'I can withdraw this consent at any time on the "My consents" page; withdrawing does not affect messages sent before (Personal Data Protection Law 91/2025/QH15).',
  ].join('\n\n'),
};

/** Every consent the web app offers, in the order shown. */
export const CONSENT_OFFERS: readonly ConsentOffer[] = [SMS_NOTIFICATIONS];
