import { birthDate, fullName, idNumber, sex, address } from './common-fields';
import { defineDatasetType } from './field';

/** Vaccination records (tiêm chủng) of the health sector. */
export const vaccination = defineDatasetType({
  code: 'vaccination',
  nameVi: 'Tiêm chủng',
  nameEn: 'Vaccination records',
  sector: 'health_insurance',
  fields: [
    fullName,
    birthDate,
    sex,
    idNumber,
    address,
    {
      key: 'vaccine',
      labelVi: 'Loại vắc xin',
      labelEn: 'Vaccine',
      kind: 'text',
      required: true,
      aliases: ['Loại vắc xin', 'Vắc xin', 'Vacxin', 'Tên vắc xin', 'Vaccine'],
    },
    {
      key: 'dose',
      labelVi: 'Mũi tiêm',
      labelEn: 'Dose',
      kind: 'number',
      required: false,
      aliases: ['Mũi tiêm', 'Mũi', 'Mũi số', 'Lần tiêm', 'Dose'],
    },
    {
      key: 'vaccinatedOn',
      labelVi: 'Ngày tiêm',
      labelEn: 'Vaccinated on',
      kind: 'date',
      required: true,
      aliases: ['Ngày tiêm', 'Ngày tiêm chủng', 'Vaccinated on', 'Date'],
    },
    {
      key: 'facility',
      labelVi: 'Cơ sở tiêm',
      labelEn: 'Facility',
      kind: 'text',
      required: false,
      aliases: ['Cơ sở tiêm', 'Nơi tiêm', 'Điểm tiêm', 'Facility'],
    },
  ],
  rowKey: (v) => {
    const who =
      typeof v.idNumber === 'string' ? v.idNumber : `${String(v.fullName).toLowerCase()}|${String(v.birthDate)}`;
    return `${who}|${String(v.vaccine).toLowerCase()}|${String(v.vaccinatedOn)}`;
  },
});
