// 中文（默认）：the shell every page shares — header, log-in, roles, stages, common words.
export default {
  app: { title: '三个一批项目管理', language: '语言', logout: '退出登录' },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    failed: '用户名或密码不正确',
  },
  roles: {
    province: '省级',
    city: '市级',
    zone: '开发区',
    supervisor: '督查',
    viewer: '只读',
    nation: '全国',
  },
  nav: { home: '首页' },
  stages: { reserve: '储备', signed: '签约', started: '开工', producing: '投产', at_capacity: '达产' },
  statuses: { active: '正常', suspended: '暂停', cancelled: '终止' },
  common: { loading: '加载中…', empty: '暂无数据', retry: '重试', error: '出错了', notFound: '页面不存在' },
};
