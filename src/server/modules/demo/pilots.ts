import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Db } from '../../platform/db';
import { diskFileStore } from '../../platform/files';
import { toAscii } from '../../../shared/text';
import { seedPilotModels, type SeedPilotModel } from '../pilots';

/**
 * Demo pilot models (target 14): one per sector the plan names, in different states. Obviously
 * synthetic: every title ends in "(demo)", the letters after the province's 1074/UBND-KSTT carry
 * numbers of the form 9xx/…-DEMO, and the plan files say so. Dates follow the plan's 2023 timeline.
 */
const at = (day: string) => new Date(`${day}T09:00:00+07:00`);
const LETTER = { letterNumber: '1074/UBND-KSTT', letterDate: '2023-03-27' };

/** A one-page PDF saying what it is (ASCII: the standard font has no Vietnamese marks). */
async function demoPlanPdf(title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(toAscii(title));
  pdf.setCreationDate(new Date('2023-06-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2023-06-01T00:00:00Z'));
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [
    'KE HOACH TRIEN KHAI MO HINH DIEM DE AN 06',
    toAscii(title),
    '',
    'DU LIEU MAU (DEMO) - KHONG CO GIA TRI PHAP LY',
  ];
  lines.forEach((text, i) => page.drawText(text, { x: 50, y: 780 - i * 24, size: 12, font }));
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

type Seed = Omit<SeedPilotModel, 'plan'> & { planAt?: string };

const MODELS: Seed[] = [
  {
    model: {
      unitCode: '12',
      agencyName: 'Công an tỉnh Lai Châu (demo)',
      sector: 'police',
      title: 'Mô hình giải quyết thủ tục cư trú trực tuyến 100% (demo)',
      description:
        'Tiếp nhận, giải quyết trực tuyến thủ tục đăng ký thường trú, tạm trú, khai báo tạm vắng và thông báo lưu trú qua Cổng dịch vụ công và ứng dụng VNeID; không yêu cầu công dân xuất trình giấy tờ chứng minh cư trú.',
      targets: [4, 5],
      ...LETTER,
    },
    registeredAt: at('2023-03-30'),
    planAt: '2023-06-15',
    milestones: [
      { title: 'Tập huấn cán bộ công an cấp xã', dueOn: '2023-07-31', doneOn: '2023-07-25' },
      { title: '60% hồ sơ cư trú tiếp nhận trực tuyến', dueOn: '2023-12-31', doneOn: '2023-12-20' },
    ],
    reports: [
      {
        period: '2023-Q4',
        text: 'Đã tiếp nhận trực tuyến phần lớn hồ sơ thông báo lưu trú; hồ sơ thường trú, tạm trú trực tuyến tăng đều qua các tháng.',
        indicators: [
          { label: 'Tỷ lệ hồ sơ cư trú trực tuyến (%)', value: 72 },
          { label: 'Tỷ lệ thông báo lưu trú trực tuyến (%)', value: 100 },
        ],
        at: at('2024-01-10'),
      },
    ],
    steps: [
      { to: 'in_progress', at: at('2023-07-01') },
      { to: 'completed', at: at('2024-01-15'), note: 'Hoàn thành các mốc của kế hoạch' },
    ],
    evaluation: {
      text: 'Mô hình đạt và vượt mục tiêu 4 của Kế hoạch; cách làm được nhân rộng ra các xã, phường.',
      rating: 'excellent',
      proposeCommendation: true,
      commendationReason: 'Hoàn thành xuất sắc mô hình điểm, vượt chỉ tiêu hồ sơ cư trú trực tuyến.',
      at: at('2024-02-20'),
    },
  },
  {
    model: {
      unitCode: '12',
      agencyName: 'Sở Y tế tỉnh Lai Châu (demo)',
      sector: 'health',
      title: 'Khám chữa bệnh bảo hiểm y tế bằng căn cước công dân gắn chíp (demo)',
      description:
        'Các cơ sở khám chữa bệnh tra cứu thông tin thẻ bảo hiểm y tế bằng thẻ căn cước công dân gắn chíp hoặc ứng dụng VNeID thay cho thẻ giấy.',
      targets: [8, 9],
      ...LETTER,
    },
    registeredAt: at('2023-04-03'),
    planAt: '2023-06-28',
    milestones: [
      { title: 'Trang bị đầu đọc thẻ chíp tại bệnh viện tuyến tỉnh', dueOn: '2023-09-30', doneOn: '2023-09-15' },
      { title: '100% trạm y tế xã tra cứu bằng căn cước', dueOn: '2024-06-30' },
    ],
    reports: [
      {
        period: '2024-H1',
        text: 'Bệnh viện tuyến tỉnh và tuyến huyện đã tra cứu thẻ bảo hiểm y tế bằng căn cước; một số trạm y tế xã còn thiếu thiết bị.',
        indicators: [{ label: 'Số cơ sở tra cứu bằng căn cước', value: 41 }],
        at: at('2024-07-05'),
      },
    ],
    steps: [{ to: 'in_progress', at: at('2023-07-10') }],
  },
  {
    model: {
      unitCode: '12',
      agencyName: 'Sở Giáo dục và Đào tạo tỉnh Lai Châu (demo)',
      sector: 'education',
      title: 'Trường học thanh toán không dùng tiền mặt (demo)',
      description:
        'Thu học phí và các khoản thu khác qua tài khoản ngân hàng, ví điện tử tại các trường trên địa bàn các phường.',
      targets: [7],
      ...LETTER,
    },
    registeredAt: at('2023-04-05'),
    planAt: '2023-06-20',
    milestones: [{ title: 'Các trường trên địa bàn phường mở thu qua ngân hàng', dueOn: '2023-12-31' }],
  },
  {
    model: {
      unitCode: '12',
      agencyName: 'Sở Lao động – Thương binh và Xã hội tỉnh Lai Châu (demo)',
      sector: 'labour_social',
      title: 'Chi trả trợ cấp an sinh xã hội không dùng tiền mặt (demo)',
      description:
        'Chi trả trợ cấp cho người có công, đối tượng bảo trợ xã hội qua tài khoản ngân hàng, tài khoản Mobile Money; chuẩn hoá dữ liệu đối tượng theo Đề án 06.',
      targets: [10, 11],
      ...LETTER,
    },
    registeredAt: at('2023-04-06'),
    planAt: '2023-06-30',
    milestones: [
      { title: 'Chuẩn hoá danh sách đối tượng với dữ liệu dân cư', dueOn: '2023-10-31', doneOn: '2023-11-10' },
      { title: '80% đối tượng nhận trợ cấp qua tài khoản', dueOn: '2024-12-31', doneOn: '2024-12-15' },
    ],
    steps: [
      { to: 'in_progress', at: at('2023-07-05') },
      { to: 'completed', at: at('2025-01-10') },
    ],
  },
  {
    model: {
      unitCode: '12',
      agencyName: 'Thuế tỉnh Lai Châu (demo)',
      sector: 'tax',
      title: 'Hộ kinh doanh sử dụng ứng dụng eTax Mobile (demo)',
      description:
        'Hướng dẫn cá nhân, hộ kinh doanh cài đặt và sử dụng eTax Mobile để kê khai, nộp thuế điện tử; đăng nhập bằng tài khoản định danh điện tử.',
      targets: [13],
      ...LETTER,
    },
    registeredAt: at('2023-04-10'),
  },
  {
    model: {
      unitCode: '03388',
      agencyName: 'UBND phường Đoàn Kết (demo)',
      sector: 'justice',
      title: 'Số hoá sổ hộ tịch phường Đoàn Kết (demo)',
      description:
        'Số hoá toàn bộ sổ hộ tịch lưu trữ tại phường và chuyển vào Cơ sở dữ liệu hộ tịch điện tử toàn quốc.',
      targets: [6],
      ...LETTER,
    },
    registeredAt: at('2023-04-12'),
    milestones: [{ title: 'Số hoá sổ đăng ký khai sinh 2000–2015', dueOn: '2023-09-30' }],
  },
];

/**
 * Seeds the demo's pilot models into an empty register, plan files into DATA_DIR/files; how many
 * were added. The tax model has no plan past its due date (overdue); the police's is evaluated.
 */
export async function seedDemoPilots(db: Db, dataDir: string): Promise<number> {
  const seeds: SeedPilotModel[] = [];
  for (const { planAt, ...s } of MODELS)
    seeds.push({
      ...s,
      ...(planAt && {
        plan: { fileName: 'ke-hoach-trien-khai-demo.pdf', data: await demoPlanPdf(s.model.title), at: at(planAt) },
      }),
    });
  return seedPilotModels(db, diskFileStore(join(dataDir, 'files')), seeds);
}
