/** Vietnamese text of the public front door (the home page a visitor lands on). */
export const viPortal = {
  'portal.title': 'Dịch vụ công trực tuyến tỉnh Lai Châu',
  'portal.intro':
    'Làm thủ tục cư trú, hộ tịch và các nhóm thủ tục liên thông trên điện thoại, dùng tài khoản định danh điện tử VNeID.',
  'portal.search.label': 'Bạn cần làm thủ tục gì?',
  'portal.search.placeholder': 'Ví dụ: tạm trú, khai sinh (gõ không dấu cũng được)',
  'portal.search.submit': 'Tìm thủ tục',
  'portal.signIn.citizen': 'Đăng nhập bằng VNeID để nộp hồ sơ',
  'portal.signIn.staff': 'Cán bộ, công chức đăng nhập',
  'portal.lookup.title': 'Tra cứu hồ sơ',
  'portal.lookup.text': 'Xem hồ sơ của bạn đang ở đâu bằng mã hồ sơ trên giấy hẹn và số định danh cá nhân.',
  'portal.lookup.button': 'Tra cứu hồ sơ',
  'portal.groups.title': 'Thủ tục dùng nhiều theo lĩnh vực',
  'portal.groups.all': 'Xem tất cả {n} thủ tục {field}',
  'portal.help.title': 'Cần hỗ trợ?',
  'portal.help.text':
    'Đến Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi bạn ở: cán bộ hướng dẫn bạn tự nộp hồ sơ trên điện thoại hoặc trên máy tại quầy, không mất phí.',
  'portal.help.commune': 'Bạn ở xã, phường nào?',
  'portal.help.commune.none': '— Chọn xã, phường —',
  'portal.help.none': 'Chưa có thông tin liên hệ của {name} trên trang này.',
  'portal.desk.kind.one_stop_counter': 'Bộ phận Một cửa',
  'portal.desk.kind.police': 'Công an',
  'portal.desk.kind.service_centre': 'Trung tâm Phục vụ hành chính công',
  'portal.desk.address': 'Địa chỉ',
  'portal.desk.phone': 'Điện thoại',
  'portal.desk.email': 'Thư điện tử',
  'portal.desk.hours': 'Giờ làm việc',
  'portal.help.verify':
    'Giấy tờ kết quả, phiếu từ chối và biên lai điện tử có mã QR: quét mã để kiểm tra giấy tờ là thật.',
} as const;
