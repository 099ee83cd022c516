// The one string table of the map UI: zh-CN first (the default), English second.
// Static markup carries data-i18n (text), data-i18n-title, data-i18n-placeholder and data-i18n-aria keys.

const STORE_KEY = 'pp.lang';
export const LANGS = ['zh-CN', 'en'];

const T = {
  'app.title': ['文化市场综合执法 · 巡查规划', 'Cultural Market Enforcement · Patrol Planner'],
  'app.short': ['巡查规划', 'Patrol Planner'],
  'lang.switch': ['English', '中文'],
  'lang.switch.title': ['切换到英文界面', 'Switch to Chinese'],
  'login.title': ['用户登录', 'Sign in'],
  'login.hint': ['请使用执法局分配的账号登录。', 'Sign in with the account issued by your bureau.'],
  'login.user': ['用户名', 'User name'],
  'login.password': ['密码', 'Password'],
  'login.submit': ['登录', 'Sign in'],
  'login.failed': ['用户名或密码错误。', 'Wrong user name or password.'],
  'logout': ['退出', 'Sign out'],
  'search.placeholder': ['搜索场所、学校或地址', 'Search venues, schools or addresses'],
  'search.none': ['未找到匹配结果', 'No matches'],
  'search.geocoder': ['地址', 'Address'],
  'panel.toggle': ['面板', 'Panel'],
  'role.planner': ['执法科室', 'Planner'],
  'role.team_leader': ['带队人员', 'Team leader'],
  'role.manager': ['局领导', 'Manager'],
  'role.admin': ['管理员', 'Administrator'],
  'view.planner': ['规划', 'Planning'],
  'view.leader': ['我的班次', 'My shift'],
  'view.manager': ['监管分析', 'Oversight'],
  'common.loading': ['正在加载…', 'Loading…'],
  'common.unavailable': ['暂不可用', 'Not available yet'],
  'common.unavailable.detail': ['该功能的服务端尚未部署。', 'The server part of this feature is not deployed yet.'],
  'common.forbidden': ['无权访问', 'Not permitted for your role'],
  'common.error': ['出错了', 'Something went wrong'],
  'common.close': ['关闭', 'Close'],
  'common.back': ['返回', 'Back'],
  'common.details': ['详情', 'Details'],
  'common.save': ['保存', 'Save'],
  'common.none': ['无', 'None'],
  'common.from': ['起', 'From'],
  'common.to': ['止', 'To'],
  'common.apply': ['查询', 'Apply'],
  'layer.districts': ['行政区划', 'Districts'],
  'layer.zones': ['巡查片区', 'Patrol zones'],
  'layer.schools': ['学校（含校园范围）', 'Schools (campus)'],
  'layer.venues': ['检查对象（场所）', 'Venues'],
  'layer.coverage': ['检查覆盖率（六边形）', 'Coverage (hexagons)'],
  'layer.heat': ['检查热力图', 'Inspection heat'],
  'layer.route': ['巡查路线', 'Route'],
  'basemap.none': ['无底图（离线）', 'No basemap (offline)'],
  'basemap.osm': ['OpenStreetMap', 'OpenStreetMap'],
  'basemap.tianditu': ['天地图', 'Tianditu'],
  'basemap.amap': ['高德地图（GCJ-02）', 'Amap (GCJ-02)'],
  'legend.title': ['图例', 'Legend'],
  'legend.school': ['学校校园', 'School campus'],
  'legend.district': ['行政区界', 'District boundary'],
  'cat.internet_cafe': ['网吧', 'Internet café'],
  'cat.song_dance': ['歌舞娱乐', 'Song & dance (KTV)'],
  'cat.game_arcade': ['游艺娱乐', 'Game arcade'],
  'cat.publication': ['出版物经营', 'Publications'],
  'cat.hotel': ['宾馆酒店', 'Hotel'],
  'cat.satellite_equipment': ['卫星设施', 'Satellite equipment'],
  'cat.printing': ['印刷', 'Printing'],
  'cat.performance': ['演出场所', 'Performance venue'],
  'cat.other': ['其他', 'Other'],
  'status.open': ['正常营业', 'Open'],
  'status.suspended': ['停业整顿', 'Suspended'],
  'status.revoked': ['已吊销', 'Revoked'],
  'status.unlicensed': ['无证经营', 'Unlicensed'],
  'status.closed': ['已关闭', 'Closed'],
  'level.kindergarten': ['幼儿园', 'Kindergarten'],
  'level.primary': ['小学', 'Primary'],
  'level.junior': ['初中', 'Junior secondary'],
  'level.senior': ['高中', 'Senior secondary'],
  'level.nine_year': ['九年一贯制', 'Nine-year school'],
  'level.twelve_year': ['十二年一贯制', 'Twelve-year school'],
  'level.vocational': ['职业学校', 'Vocational school'],
  'field.licenceNo': ['许可证号', 'Licence no.'],
  'field.category': ['类别', 'Category'],
  'field.status': ['状态', 'Status'],
  'field.address': ['地址', 'Address'],
  'field.openingHours': ['营业时间', 'Opening hours'],
  'field.capacity': ['规模（机位/包间）', 'Capacity (PCs/rooms)'],
  'field.complaintCount': ['投诉次数', 'Complaints'],
  'field.geocode': ['定位', 'Location'],
  'field.sourceDatum': ['原始坐标系', 'source datum'],
  'field.geocodeStatus': ['定位方式', 'how located'],
  'field.notes': ['备注', 'Notes'],
  'field.updatedAt': ['更新时间', 'Updated'],
  'field.level': ['学段', 'Level'],
  'field.campusArea': ['校园面积', 'Campus area'],
  'field.district': ['所属区划', 'District'],
  'field.synthetic': ['演示数据（虚构）', 'Demo data (synthetic)'],
  'card.venue': ['场所详情', 'Venue'],
  'card.history': ['变更记录', 'History'],
  'card.history.empty': ['暂无变更记录', 'No changes recorded'],
  'card.inspections': ['检查记录', 'Inspections'],
  'card.inspections.empty': ['暂无检查记录', 'No inspections recorded'],
  'history.create': ['新建', 'created'],
  'history.update': ['修改', 'updated'],
  'history.import': ['导入', 'imported'],
  'history.locate': ['手动定位', 'located by hand'],
  'history.delete': ['删除', 'deleted'],
  'planner.registers': ['名录库概况', 'Registers'],
  'planner.venues': ['检查对象', 'Venues'],
  'planner.schools': ['学校', 'Schools'],
  'planner.districts': ['行政区划', 'Districts'],
  'planner.zones': ['巡查片区', 'Patrol zones'],
  'planner.zones.draw': ['绘制片区', 'Draw a zone'],
  'planner.zones.name': ['片区名称', 'Zone name'],
  'planner.zones.drawn': ['已绘制，可保存', 'Drawn; ready to save'],
  'planner.zones.saved': ['片区已保存', 'Zone saved'],
  'planner.zones.count': ['个片区', 'zones'],
  'planner.campaigns': ['专项行动与排班', 'Campaigns and schedules'],
  'planner.campaigns.count': ['项行动', 'campaigns'],
  'planner.review': ['地址定位复核', 'Geocoding review'],
  'planner.review.count': ['条待复核', 'to review'],
  'planner.import': ['导入名录', 'Import registers'],
  'planner.import.kind': ['类型', 'Kind'],
  'planner.import.datum': ['坐标系', 'Datum'],
  'planner.import.file': ['文件', 'File'],
  'planner.import.submit': ['导入', 'Import'],
  'planner.import.done': ['导入完成：新增 {imported}，更新 {updated}，未变 {unchanged}', 'Imported {imported}, updated {updated}, unchanged {unchanged}'],
  'planner.import.row': ['行', 'Row'],
  'planner.import.field': ['字段', 'Field'],
  'planner.import.reason': ['原因', 'Reason'],
  'kind.venues': ['检查对象', 'Venues'],
  'kind.schools': ['学校', 'Schools'],
  'kind.districts': ['行政区划', 'Districts'],
  'kind.inspectors': ['执法人员', 'Inspectors'],
  'leader.shift': ['我的班次', 'My shift'],
  'leader.team': ['所属小组', 'Team'],
  'leader.noteam': ['您的账号未分配执法小组。', 'Your account has no team.'],
  'leader.stops': ['巡查站点', 'Stops'],
  'leader.nostops': ['今日暂无巡查任务。', 'No stops for today.'],
  'leader.print': ['打印路线单', 'Print route sheet'],
  'leader.done': ['已完成', 'Done'],
  'leader.record': ['登记检查', 'Record inspection'],
  'manager.coverage': ['检查覆盖', 'Coverage'],
  'manager.metric': ['指标', 'Metric'],
  'metric.coverage': ['覆盖率', 'Coverage ratio'],
  'metric.inspections': ['检查次数', 'Inspections'],
  'metric.violations': ['违规数', 'Violations'],
  'manager.heat': ['显示热力图', 'Show heat layer'],
  'manager.gaps': ['监管盲区', 'Coverage gaps'],
  'manager.gaps.none': ['无盲区', 'No gaps'],
  'manager.report': ['阶段工作报告', 'Period report'],
  'manager.report.download': ['下载报表（XLSX）', 'Download report (XLSX)'],
  'unit.m2': ['平方米', 'm²'],
  'unit.ha': ['公顷', 'ha'],
  'error.network': ['无法连接服务器。', 'Cannot reach the server.'],
  'error.session': ['登录已过期，请重新登录。', 'Your session has ended; please sign in again.'],
};

let lang = (() => {
  try {
    const saved = localStorage.getItem(STORE_KEY);
    return LANGS.includes(saved) ? saved : 'zh-CN';
  } catch (e) {
    return 'zh-CN';
  }
})();

export function getLang() {
  return lang;
}

export function setLang(l) {
  if (!LANGS.includes(l)) return;
  lang = l;
  try { localStorage.setItem(STORE_KEY, l); } catch (e) { /* private mode: keep it for this page only */ }
  document.documentElement.lang = l;
}

/** The string for key in the current language; {name} placeholders are filled from params. */
export function t(key, params) {
  const row = T[key];
  let s = row ? row[lang === 'en' ? 1 : 0] : key;
  if (params) {
    s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] === undefined || params[k] === null ? '' : String(params[k])));
  }
  return s;
}

/** Like t, but a readable fallback for codes the table does not know (a new category from the server). */
export function tCode(prefix, code) {
  if (code === null || code === undefined || code === '') return '—';
  return T[prefix + '.' + code] ? t(prefix + '.' + code) : String(code);
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(T, key);
}

export function apply(root = document) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAria)); });
}

export function formatDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return Number(n).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: digits });
}
