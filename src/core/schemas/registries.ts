/** Puyang 附件2/3/4 registries and the conflicts list, with the optional tagging columns (SPEC "Registries"). */
import type { FieldSpec, TableSchema } from './types.js';

const NAME_SYNONYMS = ['名称', '机构名称', '单位名称', '药店名称', '医疗机构名称', '定点医药机构名称', '企业名称'];
const USCC_SYNONYMS = ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', '统一社会信用代码/注册号'];

const f = (field: string, label: string, synonyms: string[], required: boolean, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  field,
  label,
  synonyms,
  required,
  ...extra,
});

const seq = f('seq', '序号', ['编号', '序'], false);
const region = f('region', '所在地区', ['地区', '所属地区', '区域', '所在区域', '县区', '所在县区'], true);
const name = f('name', '名称', NAME_SYNONYMS, true);
const uscc = f('uscc', '统一社会信用代码', USCC_SYNONYMS, false, { note: '18位，GB 32100-2015；村卫生室等没有的可空，但须填医保编码' });
const ybbm = f('ybbm', '医保编码', ['医保编号', '定点编码', '医保定点编码', '医保机构编码', '机构编码'], false, { note: '没有统一社会信用代码时作为对象编码' });
const legal = f('legal', '法定代表人姓名及身份证号', ['法定代表人', '法定代表人姓名', '法人代表', '法定代表人及身份证号', '法定代表人(负责人)姓名及身份证号', '负责人姓名及身份证号'], false, { note: '姓名与18位身份证号，如：张三 410901198001011234' });
const contact = f('contact', '联系人', ['联络人'], false);
const phone = f('phone', '联系电话', ['电话', '联系方式', '手机', '手机号码', '联系电话(手机)'], false);
const remarks = f('remarks', '备注', ['说明'], false);
const credit = f('credit', '信用等级', ['信用分类', '信用风险等级', '信用风险分类', '信用类别'], false, { optional: true, enum: ['A', 'B', 'C', 'D'], note: 'A 低风险、B 中风险、C 中高风险、D 高风险' });
const tags = f('tags', '分类标注', ['分类', '标签', '分类标签'], false, { optional: true, note: '多个标注用 、 , ; 分隔' });
const verified = f('verified', '代码已核实', ['代码核实', '已核实'], false, { optional: true, enum: ['是', '否'], note: '是：统一社会信用代码校验位不符但已对照执照核实（早期颁发的真实代码），校验提示降为警告（也可在备注写“代码已核实”）' });

export const pharmacies: TableSchema = {
  role: 'pharmacies',
  title: '定点零售药店名录库',
  fields: [
    seq,
    region,
    name,
    uscc,
    ybbm,
    f('license', '营业执照', ['营业执照号', '营业执照编号'], false),
    f('drugLicense', '药品经营许可证', ['药品经营许可证号', '药品经营许可证编号', '许可证号'], false),
    f('address', '营业(执业)场所', ['营业场所', '执业场所', '经营场所', '营业(执业)地址', '地址', '注册地址'], false),
    legal,
    contact,
    phone,
    remarks,
    credit,
    tags,
    verified,
  ],
  signature: ['name', 'drugLicense'],
};

export const institutions: TableSchema = {
  role: 'institutions',
  title: '定点医疗机构名录库',
  fields: [
    seq,
    region,
    name,
    uscc,
    ybbm,
    f('nature', '性质(公立、民营)', ['性质', '机构性质', '所有制性质', '经营性质'], true, { enum: ['公立', '民营'] }),
    f('kind', '类型(综合、专科)', ['类型', '机构类型', '医院类型'], true, { enum: ['综合', '专科'] }),
    f('grade', '等级', ['医院等级', '机构等级', '级别'], false, { note: '如 三级甲等、二级、一级、未定级' }),
    f('founded', '成立日期', ['成立时间', '开业日期', '设立日期'], false, { note: '日期，如 2015-03-05' }),
    f('address', '地址', ['机构地址', '注册地址', '营业(执业)场所', '执业地址'], false),
    legal,
    contact,
    phone,
    remarks,
    credit,
    tags,
    verified,
  ],
  signature: ['name', 'nature', 'kind'],
};

export const inspectors: TableSchema = {
  role: 'inspectors',
  title: '检查人员名录库',
  fields: [
    seq,
    region,
    f('name', '姓名', ['人员姓名', '检查人员姓名', '执法人员姓名'], true),
    f('gender', '性别', [], false, { enum: ['男', '女'] }),
    f('unit', '工作单位', ['单位', '所在单位', '单位名称'], true),
    f('education', '专业学历', ['学历', '专业', '学历专业'], false),
    f('post', '部门岗位', ['岗位', '部门', '科室'], false),
    f('title', '职务(职称)', ['职务', '职称', '职务职称'], false),
    f('license', '执法证号', ['执法证编号', '执法证件号', '行政执法证号', '执法证件编号'], true, { note: '没有执法证号的人员不参与抽取' }),
    f('area', '执法区域', ['执法范围', '负责区域'], false, { note: '所在地区名称，多个用 、 分隔；全市/全县/全区/全部 表示不限' }),
    remarks,
    f('expertise', '业务专长', ['专长', '专业特长'], false, { optional: true }),
    f('status', '状态', ['人员状态', '在岗状态'], false, { optional: true, enum: ['在岗', '不可用'], note: '不可用的人员不参与抽取' }),
    f('licence', '执法证有效期', ['有效期', '执法证有效期限', '证件有效期'], false, { optional: true, note: '如 2028-12-31 或 2023-01-01至2028-12-31；过期的人员不参与抽取' }),
    f('level', '执法层级', ['执法级别', '层级'], false, { optional: true, note: '省、市 或 县' }),
    f('category', '人员类别', ['人员类型', '身份类别'], false, { optional: true, note: '执法人员（默认）、专家 或 辅助人员；专家、辅助人员只占计划中“专家1”“辅助人员1”这类席位，执法证号列填其聘书或工作证编号' }),
  ],
  signature: ['name', 'license', 'unit'],
};

export const conflicts: TableSchema = {
  role: 'conflicts',
  title: '回避名单',
  fields: [
    f('license', '执法证号', ['执法证编号', '执法证件号', '行政执法证号', '检查人员执法证号'], true),
    f('entity', '统一社会信用代码或医保编码', [...USCC_SYNONYMS, '医保编码', '对象编码', '检查对象代码', '统一社会信用代码/医保编码'], true),
    f('reason', '原因', ['回避原因', '回避事由', '事由'], false),
  ],
  signature: ['license', 'entity', 'reason'],
};
