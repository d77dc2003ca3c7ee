// Every user-visible string of every page, Chinese first. The English table is typed against the
// Chinese one, so a key missing from either fails the build.

const zh = {
  // Shared
  'app.name': '慈善日善款直播',
  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.cancel': '取消',
  'common.confirm': '确认',
  'common.save': '保存',
  'common.close': '关闭',
  'common.back': '返回',
  'common.yes': '是',
  'common.no': '否',
  'common.language': '语言',
  'common.languageName': '中文',
  'common.otherLanguage': 'English',
  'common.error': '出错了：{message}',
  'common.networkError': '网络异常，请稍后重试',
  'common.disconnected': '连接中断，正在重连…',
  'common.reconnected': '已重新连接',
  'common.yuan': '元',
  'common.anonymousDonor': '爱心人士',

  // Amount input (money.ts parseAmountInput)
  'amount.label': '金额',
  'amount.placeholder': '如 500万、128,000 或 128000.50',
  'amount.empty': '请输入金额',
  'amount.invalid': '金额格式不正确',
  'amount.tooPrecise': '金额最多精确到分',
  'amount.tooLarge': '金额超出上限 {max}',
  'amount.notPositive': '金额必须大于零',
  'amount.inWords': '大写：{capital}',

  // Channels and donor kinds
  'channel.stage': '现场',
  'channel.online': '网络',
  'donorKind.enterprise': '企业',
  'donorKind.organization': '机构',
  'donorKind.individual': '个人',

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

  // Viewer / online donor page
  'viewer.title': '爱心筹',
  'viewer.watchTotal': '实时善款',
  'viewer.donateHeading': '我要捐款',
  'viewer.presetAmounts': '选择金额',
  'viewer.otherAmount': '其他金额',
  'viewer.donorName': '您的姓名',
  'viewer.donorNamePlaceholder': '将显示在大屏幕上',
  'viewer.anonymous': '匿名',
  'viewer.message': '留言',
  'viewer.messagePlaceholder': '写下您的祝福（选填）',
  'viewer.submit': '献出爱心',
  'viewer.submitting': '正在提交…',
  'viewer.retrying': '网络不稳定，正在重试…',
  'viewer.thankYou': '感谢您的爱心捐赠',
  'viewer.thankYouAmount': '您捐赠了 {amount}',
  'viewer.failed': '捐款未成功：{reason}',
  'viewer.nameRequired': '请填写姓名，或选择匿名',
  'viewer.eventNotLive': '活动尚未开始或已结束',

  // Operator console
  'operator.title': '录入台',
  'operator.signInHeading': '录入员登录',
  'operator.event': '活动编号',
  'operator.desk': '录入台编号',
  'operator.accessCode': '访问码',
  'operator.signIn': '登录',
  'operator.signOut': '退出登录',
  'operator.signInFailed': '活动、录入台或访问码错误',
  'operator.signedOut': '登录已过期，请重新登录；未发送的认捐会保留',
  'operator.signedInAs': '{desk} · {event}',
  'operator.amount': '认捐金额',
  'operator.tiers': '快捷档位',
  'operator.donorName': '捐赠方名称',
  'operator.donorKind': '捐赠方类型',
  'operator.anonymous': '匿名',
  'operator.representative': '代表',
  'operator.note': '备注',
  'operator.record': '录入',
  'operator.confirmTitle': '请核对金额',
  'operator.confirmBody': '{donor} 认捐 {amount}',
  'operator.confirmCapital': '大写：{capital}',
  'operator.confirmSend': '确认无误，发送',
  'operator.confirmEdit': '返回修改',
  'operator.queueHeading': '本台认捐',
  'operator.state.queued': '待发送',
  'operator.state.sending': '已发送',
  'operator.state.confirmed': '已确认',
  'operator.state.rejected': '被拒绝',
  'operator.pendingCount': '{count} 笔待发送',
  'operator.retryIn': '{seconds} 秒后重试',
  'operator.attempts': '已尝试 {count} 次',
  'operator.void': '作废',
  'operator.voidReason': '作废原因',
  'operator.voidConfirm': '确认作废 {donor} 的 {amount}？',
  'operator.voided': '已作废',
  'operator.voidReasonRequired': '请填写作废原因',
  'operator.offline': '离线：认捐已保存在本机，恢复网络后自动发送',

  // Admin
  'admin.title': '活动管理',
  'admin.adminKey': '管理密钥',
  'admin.createEvent': '创建活动',
  'admin.eventId': '活动编号',
  'admin.eventTitle': '活动名称',
  'admin.goal': '目标金额',
  'admin.tiers': '档位',
  'admin.tiersHint': '每行一个金额，如 1000万',
  'admin.milestones': '里程碑',
  'admin.milestonesHint': '每行一个金额，如 1亿',
  'admin.status': '状态',
  'admin.status.draft': '未开始',
  'admin.status.live': '进行中',
  'admin.status.closed': '已结束',
  'admin.open': '开始',
  'admin.close': '结束',
  'admin.closeConfirm': '结束后将不再接受认捐，确定结束吗？',
  'admin.desks': '录入台',
  'admin.addDesk': '添加录入台',
  'admin.deskId': '录入台编号',
  'admin.deskName': '录入台名称',
  'admin.accessCode': '访问码',
  'admin.roundTitle': '当前环节',
  'admin.showDonorNames': '大屏幕显示捐赠方名称',
  'admin.ledger': '账本',
  'admin.ledgerEmpty': '账本暂无记录',
  'admin.audit': '核对',
  'admin.auditLedgerSum': '账本合计 {amount}（{count} 笔）',
  'admin.auditLiveTotal': '实时总额 {amount}（{count} 笔）',
  'admin.auditAgrees': '一致',
  'admin.auditDisagrees': '不一致',
  'admin.downloadCsv': '下载 CSV',
  'admin.created': '活动已创建',
  'admin.unauthorized': '管理密钥错误',

  // Index
  'index.title': '活动列表',
  'index.empty': '暂无活动',
  'index.openScreen': '大屏幕',
  'index.openViewer': '观看与捐款',
  'index.openOperator': '录入台',
  'index.openAdmin': '管理',
} as const;

/** A message of the table; the compiler checks every use. */
export type MessageKey = keyof typeof zh;

export type Language = 'zh' | 'en';

const en: Record<MessageKey, string> = {
  'app.name': 'Charity Day Live',
  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.cancel': 'Cancel',
  'common.confirm': 'Confirm',
  'common.save': 'Save',
  'common.close': 'Close',
  'common.back': 'Back',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.language': 'Language',
  'common.languageName': 'English',
  'common.otherLanguage': '中文',
  'common.error': 'Something went wrong: {message}',
  'common.networkError': 'Network problem, please try again shortly',
  'common.disconnected': 'Connection lost, reconnecting…',
  'common.reconnected': 'Reconnected',
  'common.yuan': 'yuan',
  'common.anonymousDonor': 'A kind donor',

  'amount.label': 'Amount',
  'amount.placeholder': 'e.g. 500万, 128,000 or 128000.50',
  'amount.empty': 'Please enter an amount',
  'amount.invalid': 'This is not a valid amount',
  'amount.tooPrecise': 'Amounts go down to the fen (0.01 yuan) only',
  'amount.tooLarge': 'The amount is above the limit of {max}',
  'amount.notPositive': 'The amount must be greater than zero',
  'amount.inWords': 'In words: {capital}',

  'channel.stage': 'On stage',
  'channel.online': 'Online',
  'donorKind.enterprise': 'Company',
  'donorKind.organization': 'Organisation',
  'donorKind.individual': 'Individual',

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

  'viewer.title': 'Give online',
  'viewer.watchTotal': 'Live total',
  'viewer.donateHeading': 'Donate',
  'viewer.presetAmounts': 'Choose an amount',
  'viewer.otherAmount': 'Other amount',
  'viewer.donorName': 'Your name',
  'viewer.donorNamePlaceholder': 'Shown on the big screen',
  'viewer.anonymous': 'Anonymous',
  'viewer.message': 'Message',
  'viewer.messagePlaceholder': 'Your good wishes (optional)',
  'viewer.submit': 'Give with love',
  'viewer.submitting': 'Sending…',
  'viewer.retrying': 'The network is unstable, retrying…',
  'viewer.thankYou': 'Thank you for your donation',
  'viewer.thankYouAmount': 'You gave {amount}',
  'viewer.failed': 'The donation did not go through: {reason}',
  'viewer.nameRequired': 'Please enter your name or choose anonymous',
  'viewer.eventNotLive': 'The event has not started or has ended',

  'operator.title': 'Pledge desk',
  'operator.signInHeading': 'Operator sign-in',
  'operator.event': 'Event',
  'operator.desk': 'Desk',
  'operator.accessCode': 'Access code',
  'operator.signIn': 'Sign in',
  'operator.signOut': 'Sign out',
  'operator.signInFailed': 'Wrong event, desk or access code',
  'operator.signedOut': 'Your sign-in has expired; please sign in again. Unsent pledges are kept',
  'operator.signedInAs': '{desk} · {event}',
  'operator.amount': 'Pledge amount',
  'operator.tiers': 'Tiers',
  'operator.donorName': 'Donor name',
  'operator.donorKind': 'Donor type',
  'operator.anonymous': 'Anonymous',
  'operator.representative': 'Representative',
  'operator.note': 'Note',
  'operator.record': 'Record',
  'operator.confirmTitle': 'Please check the amount',
  'operator.confirmBody': '{donor} pledges {amount}',
  'operator.confirmCapital': 'In words: {capital}',
  'operator.confirmSend': 'Correct, send it',
  'operator.confirmEdit': 'Go back and edit',
  'operator.queueHeading': 'Pledges at this desk',
  'operator.state.queued': 'Queued',
  'operator.state.sending': 'Sent',
  'operator.state.confirmed': 'Confirmed',
  'operator.state.rejected': 'Rejected',
  'operator.pendingCount': '{count} waiting to be sent',
  'operator.retryIn': 'Retrying in {seconds} s',
  'operator.attempts': '{count} attempts',
  'operator.void': 'Void',
  'operator.voidReason': 'Reason for voiding',
  'operator.voidConfirm': 'Void {amount} from {donor}?',
  'operator.voided': 'Voided',
  'operator.voidReasonRequired': 'Please give a reason for voiding',
  'operator.offline': 'Offline: pledges are saved on this device and sent when the network is back',

  'admin.title': 'Event admin',
  'admin.adminKey': 'Admin key',
  'admin.createEvent': 'Create event',
  'admin.eventId': 'Event id',
  'admin.eventTitle': 'Title',
  'admin.goal': 'Goal',
  'admin.tiers': 'Tiers',
  'admin.tiersHint': 'One amount per line, e.g. 1000万',
  'admin.milestones': 'Milestones',
  'admin.milestonesHint': 'One amount per line, e.g. 1亿',
  'admin.status': 'Status',
  'admin.status.draft': 'Not started',
  'admin.status.live': 'Live',
  'admin.status.closed': 'Closed',
  'admin.open': 'Open',
  'admin.close': 'Close',
  'admin.closeConfirm': 'No pledges are taken after closing. Close the event?',
  'admin.desks': 'Desks',
  'admin.addDesk': 'Add desk',
  'admin.deskId': 'Desk id',
  'admin.deskName': 'Desk name',
  'admin.accessCode': 'Access code',
  'admin.roundTitle': 'Current round',
  'admin.showDonorNames': 'Show donor names on the big screen',
  'admin.ledger': 'Ledger',
  'admin.ledgerEmpty': 'The ledger is empty',
  'admin.audit': 'Audit',
  'admin.auditLedgerSum': 'Ledger sum {amount} ({count} pledges)',
  'admin.auditLiveTotal': 'Live total {amount} ({count} pledges)',
  'admin.auditAgrees': 'Agrees',
  'admin.auditDisagrees': 'Disagrees',
  'admin.downloadCsv': 'Download CSV',
  'admin.created': 'Event created',
  'admin.unauthorized': 'Wrong admin key',

  'index.title': 'Events',
  'index.empty': 'No events yet',
  'index.openScreen': 'Big screen',
  'index.openViewer': 'Watch and give',
  'index.openOperator': 'Pledge desk',
  'index.openAdmin': 'Admin',
};

/** The message tables, exported for the consistency test. */
export const messages: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { zh, en };

export const LANGUAGE_STORAGE_KEY = 'charityday.lang';

type LanguageListener = (language: Language) => void;

const listeners = new Set<LanguageListener>();
let current: Language | undefined;

// localStorage may be missing (tests, old webviews) or throw (private mode): the language is a
// preference, so any failure falls back to Chinese rather than breaking a page.
function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function getLanguage(): Language {
  current ??= storedLanguage();
  return current;
}

export function setLanguage(language: Language): void {
  const previous = getLanguage();
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
  if (language === previous) {
    return;
  }
  current = language;
  for (const listener of [...listeners]) {
    listener(language);
  }
}

/** Calls the listener after every change of language; returns the unsubscribe function. */
export function onLanguageChange(listener: LanguageListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message in the current language, with each `{name}` replaced by `params.name`. */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const template = messages[getLanguage()][key];
  if (!params) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}
