// The messages of the admin's ledger search; Chinese first. The English table is typed against the
// Chinese one, so a key missing from either fails the build.

export const zh = {
  'ledgerSearch.name': '捐赠方名字',
  'ledgerSearch.desk': '录入台',
  'ledgerSearch.anyDesk': '全部录入台',
  'ledgerSearch.channel': '渠道',
  'ledgerSearch.anyChannel': '全部渠道',
  'ledgerSearch.min': '最低金额',
  'ledgerSearch.max': '最高金额',
  'ledgerSearch.from': '从',
  'ledgerSearch.to': '到',
  'ledgerSearch.search': '搜索',
  'ledgerSearch.clear': '清除',
  'ledgerSearch.filtering': '筛选中：本页 {count} 条（作废记录随原认捐显示）',
  'ledgerSearch.nameTooLong': '名字最多 100 个字',
  'ledgerSearch.badAmount': '金额格式不正确，例如 500万、1.2亿 或 128,000',
  'ledgerSearch.tooLarge': '金额过大，超过任何一笔认捐',
  'ledgerSearch.minAboveMax': '最低金额大于最高金额',
  'ledgerSearch.badTime': '时间格式不正确',
  'ledgerSearch.fromAfterTo': '开始时间晚于结束时间',
};

export const en: Record<keyof typeof zh, string> = {
  'ledgerSearch.name': 'Donor name',
  'ledgerSearch.desk': 'Desk',
  'ledgerSearch.anyDesk': 'All desks',
  'ledgerSearch.channel': 'Channel',
  'ledgerSearch.anyChannel': 'All channels',
  'ledgerSearch.min': 'Min amount',
  'ledgerSearch.max': 'Max amount',
  'ledgerSearch.from': 'From',
  'ledgerSearch.to': 'To',
  'ledgerSearch.search': 'Search',
  'ledgerSearch.clear': 'Clear',
  'ledgerSearch.filtering': 'Filtered: {count} rows on this page (a void shows with its pledge)',
  'ledgerSearch.nameTooLong': 'A name is at most 100 characters',
  'ledgerSearch.badAmount': 'Not an amount; e.g. 500万, 1.2亿 or 128,000',
  'ledgerSearch.tooLarge': 'Larger than any pledge can be',
  'ledgerSearch.minAboveMax': 'The minimum is above the maximum',
  'ledgerSearch.badTime': 'Not a time',
  'ledgerSearch.fromAfterTo': 'The start is after the end',
};
