// English: the same keys as zh-CN/core.ts.
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
  nav: { home: 'Home' },
  stages: { reserve: 'Reserve', signed: 'Signed', started: 'Started', producing: 'Producing', at_capacity: 'At capacity' },
  statuses: { active: 'Active', suspended: 'Suspended', cancelled: 'Cancelled' },
  common: { loading: 'Loading…', empty: 'Nothing here yet', retry: 'Retry', error: 'Something went wrong', notFound: 'No such page' },
};
