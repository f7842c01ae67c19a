// English: the same keys as zh-CN/projects.ts.
export default {
  projects: {
    nav: 'Projects',
    title: 'Projects',
    city: 'City',
    industry: 'Industry',
    stage: 'Stage',
    status: 'Status',
    search: 'Search names, codes or investors',
    code: 'Code',
    name: 'Name',
    zone: 'Zone',
    investment: 'Total investment (100 million yuan)',
    total: '{n} projects',
    atLeast: 'More than {n} projects',
    any: 'All',
  },
};
