/** The import spreadsheets of community workers and of their yearly appraisals. */
import type { SheetSpec } from './spreadsheet';

const POSTS: Readonly<Record<string, string>> = {
  正职: 'principal',
  副职: 'deputy',
  其他: 'staff',
  其他工作人员: 'staff',
  专职工作者: 'staff',
  辅助岗位: 'assistant',
};

const EDUCATIONS: Readonly<Record<string, string>> = {
  高中及以下: 'high_school',
  高中: 'high_school',
  大专: 'associate',
  本科: 'bachelor',
  硕士: 'master',
  硕士研究生: 'master',
  博士: 'doctor',
  博士研究生: 'doctor',
};

export const WORKER_SHEET: SheetSpec = {
  kind: 'worker',
  title: '社区工作者名单',
  columns: [
    { header: '姓名', field: 'name', type: 'text', required: true, width: 12 },
    { header: '身份证号', field: 'id_number', type: 'text', required: true, width: 22 },
    { header: '手机号', field: 'phone', type: 'text', width: 15 },
    { header: '社区ID', field: 'org_id', type: 'integer', required: true, width: 10 },
    {
      header: '岗位(正职/副职/其他)',
      field: 'post',
      type: 'choice',
      choices: POSTS,
      required: true,
      width: 20,
    },
    { header: '等级', field: 'grade', type: 'integer', width: 8 },
    { header: '定级日期', field: 'grade_since', type: 'date', width: 12 },
    { header: '参加社区工作日期', field: 'service_start', type: 'date', required: true, width: 18 },
    {
      header: '学历(大专/本科/硕士/博士)',
      field: 'education',
      type: 'choice',
      choices: EDUCATIONS,
      required: true,
      width: 24,
    },
  ],
};

export const APPRAISAL_SHEET: SheetSpec = {
  kind: 'appraisal',
  title: '年度考核结果',
  columns: [
    { header: '姓名', field: 'name', type: 'text', width: 12 },
    { header: '身份证号', field: 'id_number', type: 'text', required: true, width: 22 },
    { header: '年度', field: 'year', type: 'integer', required: true, width: 8 },
    {
      header: '考核结果(优秀/称职/基本称职/不称职)',
      field: 'result',
      type: 'choice',
      choices: {
        优秀: 'excellent',
        称职: 'competent',
        基本称职: 'basically_competent',
        不称职: 'incompetent',
      },
      required: true,
      width: 30,
    },
  ],
};

export const TRAINING_SHEET: SheetSpec = {
  kind: 'training',
  title: '培训完成记录',
  columns: [
    { header: '姓名', field: 'name', type: 'text', width: 12 },
    { header: '身份证号', field: 'id_number', type: 'text', required: true, width: 22 },
    { header: '课程名称', field: 'course', type: 'text', required: true, width: 28 },
    { header: '完成日期', field: 'completed_on', type: 'date', required: true, width: 12 },
    { header: '学时', field: 'hours', type: 'integer', width: 8 },
  ],
};
