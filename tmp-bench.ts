import { renderSlip, type SlipData } from './src/server/modules/slips/index';
const d: SlipData = { kind: 'receipt', agencyName: 'Công an xã Bình Lư', unitName: 'Bộ phận tiếp nhận và trả kết quả', provinceName: 'Lai Châu', slipNumber: '15/TNHS', dossierCode: '000.00.00.H29-261127-0007', procedureName: 'Đăng ký tạm trú', applicantName: 'Lò Thị Mai', applicantNationalId: '012345678901', applicantAddress: 'Bản Nà Luồng, xã Bình Lư, tỉnh Lai Châu', officerName: 'Nguyễn Văn Hùng', issuedAt: new Date(), receivedAt: new Date('2026-11-27T01:30:00Z'), dueAt: new Date('2026-12-02T09:00:00Z'), legalTimeLimitDays: 3, documents: ['Tờ khai thay đổi thông tin cư trú (Mẫu CT01), bản chính', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà), bản sao'], resultDelivery: 'counter', lookupUrl: 'https://dichvucong.laichau.gov.vn/tra-cuu' };
for (let i = 0; i < 20; i++) await renderSlip(d);
const times: number[] = [];
for (let i = 0; i < 100; i++) { const t = performance.now(); await renderSlip(d); times.push(performance.now() - t); }
times.sort((a, b) => a - b);
console.log('median', times[50]!.toFixed(1), 'p95', times[95]!.toFixed(1), 'min', times[0]!.toFixed(1));
