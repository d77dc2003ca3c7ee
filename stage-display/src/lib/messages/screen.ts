// The messages of the big screen (/screen); Chinese first. The English table is typed
// against the Chinese one, so a key missing from either fails the build.

export const zh = {
  // Big screen
  'screen.totalLabel': '善款总额',
  'screen.goal': '目标 {amount}',
  'screen.progress': '已完成 {percent}%',
  'screen.pledgeCount': '共 {count} 笔',
  'screen.latestPledges': '最新认捐',
  'screen.stageTotal': '现场认捐 {amount}',
  'screen.onlineTotal': '网络捐款 {amount}',
  'screen.milestoneBanner': '善款突破 {amount}！',
  'screen.roundTitle': '当前环节：{title}',
  'screen.waiting': '等待活动开始',
  'screen.eventClosed': '活动已结束，感谢每一份爱心',
  'screen.roundLabel': '当前环节',
  'screen.feedEmpty': '爱心认捐即将开始',
  'screen.unknownEvent': '找不到活动「{eventId}」',
  'screen.unknownEventHint': '请检查大屏幕的地址',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'screen.totalLabel': 'Total raised',
  'screen.goal': 'Goal {amount}',
  'screen.progress': '{percent}% of goal',
  'screen.pledgeCount': '{count} pledges',
  'screen.latestPledges': 'Latest pledges',
  'screen.stageTotal': 'On stage {amount}',
  'screen.onlineTotal': 'Online {amount}',
  'screen.milestoneBanner': 'We passed {amount}!',
  'screen.roundTitle': 'Now: {title}',
  'screen.waiting': 'Waiting for the event to start',
  'screen.eventClosed': 'The event has ended. Thank you for every gift',
  'screen.roundLabel': 'Now on stage',
  'screen.feedEmpty': 'The first pledges are coming',
  'screen.unknownEvent': 'There is no event "{eventId}"',
  'screen.unknownEventHint': 'Please check the address of the screen',
};
