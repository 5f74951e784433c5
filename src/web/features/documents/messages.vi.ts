/** Text of the documents feature (kho dữ liệu, issue 17 §3), Vietnamese: the source of the keys. */
export const viDocuments = {
  'documents.store.title': 'Kho dữ liệu của tôi',
  'documents.store.intro':
    'Giấy tờ điện tử cơ quan nhà nước đã cấp cho bạn qua hồ sơ trực tuyến: kết quả giải quyết, phiếu tiếp nhận và hẹn trả kết quả, các phiếu khác và biên lai lệ phí. Bạn tải về được; kết quả còn giá trị được dùng lại khi nộp hồ sơ sau mà không phải tải lên.',
  'documents.store.none':
    'Chưa có giấy tờ nào. Khi hồ sơ của bạn được tiếp nhận, nộp lệ phí hoặc có kết quả, giấy tờ sẽ được lưu ở đây.',
  'documents.store.download': 'Tải về',
  'documents.store.issuedBy': 'Nơi cấp',
  'documents.store.issuedOn': 'Ngày cấp',
  'documents.store.dossier': 'Hồ sơ',
  'documents.store.validUntil': 'Còn giá trị đến hết ngày {date}',
  'documents.store.noLimit': 'Không thời hạn',
  'documents.store.expired': 'Đã hết hạn (ngày {date})',
  'documents.reuse.use': 'Dùng giấy tờ trong kho dữ liệu',
  'documents.reuse.using': 'Dùng: {title} (cấp ngày {date})',
  'documents.reuse.upload': 'Tải lên tệp khác',
} as const satisfies Record<string, string>;
