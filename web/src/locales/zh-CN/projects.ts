// 中文：the project list, detail and forms.
export default {
  projects: {
    nav: '项目',
    title: '项目库',
    city: '城市',
    industry: '产业',
    stage: '阶段',
    status: '状态',
    search: '搜索项目名称、代码或投资企业',
    code: '项目代码',
    name: '项目名称',
    zone: '开发区',
    investment: '总投资（亿元）',
    total: '共 {n} 个项目',
    atLeast: '超过 {n} 个项目',
    any: '全部',
  },
};
