// 中文（默认）。Every string the UI shows lives in a locale file, one per language, keyed alike.
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
  common: { loading: '加载中…', empty: '暂无数据', retry: '重试', error: '出错了' },
};
