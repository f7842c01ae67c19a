// English: the same keys as zh-CN.ts (checked by tests/unit/locales.test.ts).
export default {
  app: { title: 'Three Batches Projects', language: 'Language', logout: 'Log out' },
  login: {
    title: 'Log in',
    username: 'User name',
    password: 'Password',
    submit: 'Log in',
    failed: 'Wrong user name or password',
  },
  roles: {
    province: 'Province',
    city: 'City',
    zone: 'Zone',
    supervisor: 'Supervisor',
    viewer: 'Viewer',
    nation: 'Nation',
  },
  common: { loading: 'Loading…', empty: 'Nothing here yet', retry: 'Retry', error: 'Something went wrong' },
};
