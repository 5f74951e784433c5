/** Vietnamese text of sign-in. */
export const viAuth = {
  'login.title': 'Đăng nhập',
  'login.intro': 'Chọn cách đăng nhập phù hợp với bạn.',
  'login.expired': 'Phiên làm việc đã hết hạn. Hãy đăng nhập lại để tiếp tục.',
  'login.eidUnavailable':
    'Hệ thống định danh điện tử (VNeID) đang không trả lời. Vui lòng thử lại sau ít phút, hoặc đến bộ phận một cửa để được hỗ trợ.',
  'login.eidFailed': 'Đăng nhập bằng VNeID chưa thành công hoặc đã quá thời gian. Hãy bấm đăng nhập lại.',
  'login.signedOut': 'Bạn đã đăng xuất.',
  'login.citizen.title': 'Công dân',
  'login.citizen.text':
    'Dùng tài khoản định danh điện tử (ứng dụng VNeID) để xem thông tin cư trú của bạn, xem ai đã xem dữ liệu của bạn và quản lý sự đồng ý.',
  'login.citizen.button': 'Đăng nhập bằng VNeID',
  'login.citizen.level':
    'Các thủ tục về cư trú cần tài khoản định danh điện tử mức 2. Tài khoản mức 1 chỉ xem được một số thông tin.',
  'login.staff.title': 'Cán bộ, công chức',
  'login.staff.text': 'Đăng nhập bằng tài khoản được cơ quan cấp.',
  'login.usernameRequired': 'Nhập tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.totpHint': 'Mở ứng dụng xác thực trên điện thoại và nhập mã 6 số đang hiện.',
  'login.staffSubmit': 'Đăng nhập bằng tài khoản',
} as const satisfies Record<string, string>;
