/**
 * Vocabulary of the synthetic units: fictional places, departments with the functional 款 of their
 * running costs and the 项 their projects are charged to (real codes, named from the catalog), and
 * the phrases their texts are made of.
 */
export const PLACES = [
  '青河州',
  '云岭州',
  '白杨州',
  '石泉县',
  '金川县',
  '松原市',
  '雪峰州',
  '银滩县',
  '红柳市',
  '北湖县',
];

export interface Department {
  name: string;
  /** the 款 whose 行政运行 (xx01) carries the running costs */
  section: string;
  /** 项 codes projects may be charged to */
  projects: string[];
  projectNames: string[];
  functions: string[];
  divisions: string[];
  /** names of real codes the shipped (partial) catalog lacks */
  names?: Record<string, string>;
}

export const DEPARTMENTS: Department[] = [
  {
    name: '工业和信息化局',
    section: '20113',
    projects: ['2011302', '2011399', '2150517'],
    projectNames: [
      '产业发展专项资金',
      '中小企业服务体系建设',
      '工业经济运行监测',
      '数字经济发展项目',
      '工业园区管理经费',
    ],
    functions: [
      '贯彻执行国家和上级工业和信息化的法律法规和方针政策，拟订本地区工业和信息化发展规划',
      '负责本地区工业经济运行的监测分析，协调解决工业经济运行中的重大问题',
      '指导工业领域技术改造和技术创新，推进信息化和工业化融合',
      '负责中小企业发展的宏观指导和服务',
    ],
    divisions: ['办公室', '规划投资科', '运行监测科', '信息化推进科', '中小企业科', '节能与综合利用科'],
  },
  {
    name: '住房和城乡建设局',
    section: '21201',
    projects: ['2120102', '2120104', '2120199', '2120399', '2120501'],
    projectNames: [
      '城市管理综合执法经费',
      '市政设施维护项目',
      '城乡环境卫生整治',
      '建筑市场监管经费',
      '老旧小区改造前期工作经费',
    ],
    functions: [
      '贯彻执行住房和城乡建设的法律法规和方针政策，拟订本地区城乡建设规划',
      '负责城市管理和市政公用设施的监督管理',
      '负责建筑市场和工程质量安全的监督管理',
      '指导城乡环境卫生和人居环境整治工作',
    ],
    divisions: ['办公室', '建筑市场监管科', '城市建设科', '村镇建设科', '质量安全科'],
  },
  {
    name: '人大常委会办公室',
    section: '20101',
    projects: ['2010102'],
    projectNames: ['人大代表履职服务经费', '立法调研经费', '代表联络站运行经费'],
    functions: [
      '负责常委会会议和主任会议的组织服务工作',
      '承担人大代表履职的联络服务工作',
      '负责常委会机关的日常事务和后勤保障',
    ],
    divisions: ['办公室', '研究室', '代表联络科', '信访科'],
    names: { '20101': '人大事务' },
  },
  {
    name: '市场监督管理局',
    section: '20138',
    projects: ['2013802'],
    projectNames: ['食品安全抽检经费', '市场主体信用监管项目', '计量检定设备维护经费'],
    functions: [
      '贯彻执行市场监督管理的法律法规和方针政策，负责本地区市场综合监督管理',
      '负责市场主体登记注册和信用监管工作',
      '负责食品安全监督管理和产品质量安全监督管理',
    ],
    divisions: ['办公室', '登记注册科', '信用监管科', '食品安全科', '质量计量科'],
    names: { '2013801': '行政运行' },
  },
];

export const OWNERS = ['王建国', '李明', '张丽', '刘洋', '陈静', '杨帆', '赵强', '周敏'];

export const REASONS = {
  up: ['人员增加及调标增资', '工作任务增加', '项目经费预算增加', '缴费基数调整', '新增工作任务'],
  down: ['压减一般性支出', '项目完成后经费减少', '人员减少', '厉行节约'],
  new: ['上年没有安排该项预算，本年度新增安排', '本年度新增该项工作任务'],
};

export const USES: Record<string, string> = {
  '201': '保障机关正常运转和履行职能',
  '208': '缴纳养老保险和职业年金',
  '210': '缴纳医疗保险',
  '212': '城乡社区管理和建设',
  '215': '产业发展项目',
  '221': '缴纳住房公积金',
};
