package com.patrolplanner.i18n;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one table of server texts: key → {zh-CN, en}. {@code {0}}, {@code {1}}… are the arguments of
 * {@link Messages#of}. Keys are grouped by the capability that says them (error., validation., import., zone.,
 * plan.). A text a user reads in the map UI's own strings lives in map-ui/src/js/i18n.js instead.
 */
final class MessageTable {
    private static final Map<String, String[]> TABLE = new TreeMap<>();

    static {
        // ---- problem+json generic texts (web.ProblemMappers, web.ApiException) ----
        put("error.notFound", "未找到{0}", "{0} not found");
        put("error.noSuchResource", "没有这个资源：{0}", "no such resource: {0}");
        put("error.concurrent", "已被他人同时修改：请刷新后重试", "changed concurrently by someone else: reload and try again");
        put("error.stale", "{0}已被他人修改：您提交的是第 {1} 版，当前为第 {2} 版。请刷新后重新修改。",
                "{0} was changed by someone else: you sent version {1}, the current version is {2}. Reload and apply your change again.");
        put("error.staleField", "已过期：当前为第 {0} 版", "stale: current is {0}");
        put("error.duplicate", "值重复（{0}）", "duplicate value ({0})");
        put("error.noSuchRecord", "引用的记录不存在", "refers to a record that does not exist");
        put("error.noSuchRecordDetail", "{0}：引用的记录不存在（{1}）", "{0}: refers to a record that does not exist ({1})");
        put("error.dbRule", "违反数据库规则（{0}）", "rejected by a database rule ({0})");
        put("error.dbDown", "暂时无法连接数据库，未写入任何内容。请稍后重试。",
                "the database is not reachable right now; nothing was written. Try again shortly.");
        put("error.unauthorized", "请先登录（API 客户端用 HTTP Basic，浏览器用登录页）",
                "log in first (HTTP Basic for API clients, the login page in a browser)");
        put("error.locked", "登录失败次数过多，请 {0} 秒后再试", "too many failed logins; try again in {0} s");
        put("error.forbidden", "您的角色无权执行此操作", "your role may not do this");
        put("error.internal", "发生意外错误，已记录日志", "an unexpected error occurred; it has been logged");
        put("error.badValue", "不是有效的值", "not a valid value");
        put("error.badValueDetail", "{0}：不是有效的值（{1}）", "{0}: not a valid value ({1})");
        put("error.invalidArgument", "参数无效", "invalid argument");
        put("error.tooLarge", "上传文件超过 {0} MB 的上限：请拆分文件，或改用更紧凑的格式（CSV 或 XLSX）",
                "the upload is larger than the limit of {0} MB: split the file, or send a more compact format (CSV or XLSX)");
        put("error.required", "必填", "required");

        // ---- bean validation (jakarta.validation.constraints, by annotation; attributes as arguments) ----
        put("validation.NotNull", "不能为空", "must not be null");
        put("validation.NotBlank", "不能为空白", "must not be blank");
        put("validation.NotEmpty", "不能为空", "must not be empty");
        put("validation.Size", "长度须在 {0} 到 {1} 之间", "size must be between {0} and {1}");
        put("validation.Min", "须大于或等于 {0}", "must be greater than or equal to {0}");
        put("validation.Max", "须小于或等于 {0}", "must be less than or equal to {0}");
        put("validation.DecimalMin", "须大于或等于 {0}", "must be greater than or equal to {0}");
        put("validation.DecimalMax", "须小于或等于 {0}", "must be less than or equal to {0}");
        put("validation.Positive", "须大于 0", "must be greater than 0");
        put("validation.PositiveOrZero", "须大于或等于 0", "must be greater than or equal to 0");
        put("validation.Negative", "须小于 0", "must be less than 0");
        put("validation.Pattern", "须符合格式“{0}”", "must match \"{0}\"");
        put("validation.Email", "不是有效的电子邮件地址", "must be a well-formed email address");
        put("validation.Past", "须是过去的时间", "must be a past date");
        put("validation.Future", "须是将来的时间", "must be a future date");
        put("validation.FutureOrPresent", "须是现在或将来的时间", "must be a date in the present or in the future");
        put("validation.PastOrPresent", "须是过去或现在的时间", "must be a date in the past or in the present");

        // ---- importer: row errors of an uploaded file ----
        put("import.notNumber", "不是数字：“{0}”", "not a number: '{0}'");
        put("import.notCount", "不是大于或等于 0 的整数：“{0}”", "not a whole number ≥ 0: '{0}'");
        put("import.notFlag", "应为是或否（是/否、true/false）：“{0}”", "expected yes or no (true/false, 是/否): '{0}'");
        put("import.tooLong", "超过 {0} 个字符", "longer than {0} characters");
        put("import.missingColumn", "缺少列：应为 {0} 之一（或用 mapping 指定对应列）；文件中的列为：{1}",
                "missing column: expected one of {0} (or map it with 'mapping'); the file has: {1}");
        put("import.duplicateNameAddress", "与第 {0} 行名称、地址相同（无许可证号的场所按两者识别）",
                "same name and address as row {0} (a venue without licence number is keyed by both)");
        put("import.duplicateLicence", "许可证号 {0} 已在第 {1} 行出现", "licence number {0} already on row {1}");
        put("import.duplicateSchool", "与第 {0} 行名称、地址相同（学校按两者识别）",
                "same name and address as row {0} (schools are keyed by both)");
        put("import.lonLatTogether", "经度和纬度须同时填写或同时留空", "lon and lat go together: give both or neither");
        put("import.bothOrNeither", "须同时填写或同时留空", "give both or neither");
        put("import.baseNeedsTeam", "小组驻地须填写小组名称", "a team base needs the team's name");
        put("import.teamBaseTwice", "小组 {0} 在第 {1} 行有另一个驻地", "team {0} has another base on row {1}");
        put("import.campusNoArea", "校园多边形面积为零", "the campus polygon has no area");
        put("import.missingColumns", "文件缺少必需的列：{0}", "the file lacks required column(s) {0}");
        put("import.fileEmpty", "文件为空", "the file is empty");
        put("import.noHeader", "文件没有表头行", "the file has no header row");
        put("import.sheetEmpty", "第一个工作表为空", "the first sheet is empty");
        put("import.rowsBad", "{2} 行中的 {1} 行共有 {0} 处错误，未导入任何内容。请改正 errors 中列出的行后重新上传。",
                "{0} problem(s) in {1} of {2} rows; nothing was imported. Fix the rows listed in 'errors' and upload the file again.");
        put("import.rowsBadMany", "{2} 行中至少 {1} 行共有 {0} 处错误，未导入任何内容。以下只列出前 {3} 处，请改正后重新上传。",
                "{0} problem(s) in at least {1} of {2} rows; nothing was imported. Fix the rows listed in 'errors' and upload the file again. Only the first {3} problems are listed.");
        put("import.badValue", "{0}；应为 {1}", "{0}; expected {1}");

        // ---- zoning: saving, splitting, merging zones ----
        put("zone.outsideArea", "位于分区方案的范围之外", "lies outside the zone set's area");
        put("zone.noArea", "多边形面积为零", "the polygon has no area");
        put("zone.overlaps", "该分区与本方案的 {0} 个其他分区重叠", "the zone overlaps {0} other zone(s) of the set");
        put("zone.overlapsOne", "与分区 {0}“{1}”重叠 {2} 平方米", "overlaps zone {0} '{1}' by {2} m²");
        put("zone.noDistrict", "没有行政区划代码为 {0} 的区县", "no district with adcode {0}");
        put("zone.districtOrPolygon", "请给出区县代码或多边形", "give a district adcode or a polygon");
        put("zone.collection", "应为 GeoJSON FeatureCollection 或分区数组", "a GeoJSON FeatureCollection or an array of zones");
        put("zone.lineNotCut", "分割线未把分区分成两块：请从分区一侧画到另一侧",
                "does not cut the zone in two: draw it across the zone, end to end");
        put("zone.lineType", "应为 LineString，收到 {0}", "expected a LineString, got {0}");
        put("zone.twoIds", "请给出两个不同的分区编号", "give two different zone ids");
        put("zone.differentSets", "这两个分区属于不同的分区方案", "the zones belong to different zone sets");
        put("zone.notAdjacent", "分区 {0} 与 {1} 没有共同边界", "zones {0} and {1} do not share a boundary");
        put("zone.noTeam", "没有编号为 {0} 的小组", "no team {0}");
        put("zone.versionRequired", "必填：您编辑的分区版本（当前为第 {0} 版）",
                "required: the version of the zone you edited (current is {0})");
        put("zone.zone", "分区 {0}", "zone {0}");
        put("zone.set", "分区方案 {0}", "zone set {0}");
        put("zone.countRange", "须在 1 到 {0} 之间，收到 {1}", "must be between 1 and {0}, got {1}");
        put("zone.wholeNumber", "须为整数", "must be a whole number");
        put("zone.bodyRequired", "须提交请求内容", "a request body is required");
        put("zone.areaEmpty", "区域为空", "the area is empty");

        // ---- campaign plans: why a venue was left out, the score in words ----
        put("plan.unplanned.unreachable", "没有小组能在其时间窗内、班次之内到达（优先级 {0}）",
                "no team can reach it in its window within the shift (priority {0})");
        put("plan.unplanned.windowFull", "窗口内时间不足：各小组在其时间窗内已排满（优先级 {0}）",
                "not enough time in its window: the teams' time there is taken by other stops (priority {0})");
        put("plan.unplanned.noWindow", "类别 {0} 在{1}没有检查时间窗", "no campaign window for category {0} on {1}");
        put("plan.unplanned.schoolDay", "上学日", "a school day");
        put("plan.unplanned.restDay", "休息日", "a rest day");
        put("plan.unplanned.notOpen", "在任何检查时间窗内营业时间都不够", "not open long enough in any campaign window");
        put("plan.stopped", "求解在此日期之前已停止", "the solve was stopped before this date");
        put("plan.score", "未安排 {0} 家，总车程 {1} 分钟", "{0} unplanned, {1} min driving in total");
        put("plan.score.infeasible", "违反硬性规则；未安排 {0} 家，总车程 {1} 分钟",
                "hard rules broken; {0} unplanned, {1} min driving in total");
        // ---- casework (issue 16: cases, goods, documents, work log, the summary report)
        put("casework.wrongState", "案件 {0} 当前为“{1}”，不能办理此步骤：{2}", "case {0} is {1}: {2}");

        // ---- flows (issue 19): the remaining server texts the UI shows, problem titles ----
        put("problem.title.400", "请求有误",
                "Bad request");
        put("problem.title.403", "无权操作",
                "Forbidden");
        put("problem.title.404", "未找到",
                "Not found");
        put("problem.title.409", "冲突",
                "Conflict");
        put("problem.title.413", "内容过大",
                "Content too large");
        put("problem.title.422", "无法处理的内容",
                "Unprocessable content");
        put("problem.title.429", "请求过多",
                "Too many requests");
        put("problem.title.500", "服务器内部错误",
                "Internal server error");
        put("problem.title.503", "服务暂不可用",
                "Service unavailable");
        put("idem.tooLong", "Idempotency-Key 须为 1 到 {0} 个字符",
                "the Idempotency-Key must have 1 to {0} characters");
        put("common.versionRequired", "必填：请提交您读取时的版本号",
                "required: send the version you read");
        put("common.notDate", "不是日期（YYYY-MM-DD）",
                "not a date (YYYY-MM-DD)");
        put("common.notDateValue", "不是日期（YYYY-MM-DD）：“{0}”",
                "not a date (YYYY-MM-DD): '{0}'");
        put("common.noTeam", "没有编号为 {0} 的小组",
                "no team {0}");
        put("common.noVenue", "没有编号为 {0} 的场所",
                "no venue {0}");
        put("common.nonNegative", "须大于或等于 0",
                "must be ≥ 0");
        put("common.lonLatTogether", "经度和纬度须同时填写",
                "lon and lat go together");
        put("inspection.editWindow", "检查记录 {0} 只能由记录人（{1}）在登记后 24 小时内修改，之后只能由规划员修改",
                "inspection {0} may be edited by its author ({1}) within 24 hours of recording it, afterwards only by a planner");
        put("inspection.limit", "须在 1 到 {0} 之间",
                "between 1 and {0}");
        put("inspection.inspectedAtRequired", "必填（带时区的 ISO-8601 时间，如 2025-03-01T21:30:00+08:00）",
                "required (ISO-8601 with offset, e.g. 2025-03-01T21:30:00+08:00)");
        put("inspection.future", "检查时间晚于现在",
                "lies in the future");
        put("inspection.notOnChecklist", "{0} 不在 {1} 类场所的检查清单上",
                "{0} is not on the checklist of {1}");
        put("inspection.violationNeedsItem", "结论为“发现违法”时须至少勾选一项检查内容",
                "outcome 'violation' needs at least one checklist item");
        put("inspection.itemsTicked", "已勾选检查内容：结论应为“发现违法”",
                "checklist items were ticked: the outcome is 'violation'");
        put("inspection.describeOther", "请在备注中说明“其他”违法行为",
                "describe the 'other' violation");
        put("inspection.problems", "检查记录有 {0} 处错误",
                "{0} problems in the inspection record");
        put("inspection.noInspector", "没有编号为 {0} 的执法人员",
                "no inspector {0}");
        put("inspection.noCertificate", "{0} 没有执法证",
                "{0} holds no enforcement certificate");
        put("inspection.inactive", "{0} 已不在岗",
                "{0} is not active");
        put("inspection.twoOfficers", "须至少 {0} 名持执法证的在岗执法人员（《行政处罚法》第四十二条）；现有 {1} 名",
                "at least {0} active officers with enforcement certificates are required (Administrative Penalty Law, art. 42); got {1}");
        put("inspection.notYourTeam", "不属于您的小组 {0}：{1}",
                "not of your team {0}: {1}");
        put("inspection.noOwnTeam", "您的账号不属于任何小组",
                "your account belongs to no team");
        put("inspection.ownTeamOnly", "组长只能登记本组（{0}）的检查",
                "a team leader records inspections of the own team only ({0})");
        put("inspection.unknown.outcome", "未知的检查结论“{0}”（可选：{1}）",
                "unknown outcome '{0}' ({1})");
        put("inspection.unknown.action", "未知的处理措施“{0}”（可选：{1}）",
                "unknown action '{0}' ({1})");
        put("inspection.unknown.kind", "未知的查扣物品种类“{0}”（可选：{1}）",
                "unknown kind '{0}' ({1})");
        put("inspection.unknownItem", "未知的检查项“{0}”",
                "unknown checklist item '{0}'");
        put("inspection.dateOrTime", "应为日期（2025-01-31）或带时区的时间",
                "a date (2025-01-31) or a timestamp with offset");
        put("zone.selfCrossings", "轮廓自相交超过 {0} 处，无法修复：请重新绘制",
                "the outline crosses itself more than {0} times, more than can be repaired: draw it again");
        put("zone.maxVertices", "每次请求最多 {0} 个顶点",
                "at most {0} vertices per request");
        put("zone.moreThanCells", "不能超过该区域的网格数（{0}）",
                "must not exceed the number of grid cells ({0}) of this area");
        put("zone.jsonObject", "须提交 JSON 对象",
                "a JSON object is required");
        put("zone.setVersion", "分区方案 {1} 的第 {0} 版",
                "version {0} of zone set {1}");
        put("campaign.drawnKept", "行动 {0} 已有双随机抽取记录；抽取过的行动须留存备查",
                "campaign {0} has a double-random draw on record; a drawn campaign is kept for audit");
        put("campaign.campaign", "行动 {0}",
                "campaign {0}");
        put("campaign.endBeforeStart", "结束日期早于开始日期",
                "before startDate");
        put("campaign.year", "年份 {0} 不在 2000–2100 之间",
                "year {0} is outside 2000–2100");
        put("campaign.tooLong", "行动将持续 {0} 天；最多 {1} 天",
                "the campaign would run {0} days; at most {1}");
        put("campaign.stakeoutVenue", "必填：蹲守行动须指定一个场所",
                "a stake-out watches one venue: required");
        put("campaign.statusOneOf", "应为 draft（草稿）、active（进行中）、done（已完成）或 cancelled（已取消）",
                "one of draft, active, done, cancelled");
        put("campaign.invalidFields", "行动有 {0} 个字段无效",
                "the campaign has {0} invalid field(s)");
        put("campaign.noRoads", "ROAD_NETWORK：尚未导入路网（POST /api/imports kind=roads，上传 .osm.pbf）",
                "ROAD_NETWORK: no road network is imported (POST /api/imports kind=roads with an .osm.pbf)");
        put("campaign.noZone", "启用的分区方案中没有分区 {0}",
                "no zone {0} in an active zone set");
        put("campaign.daysOneOf", "应为 SCHOOL_DAY（上学日）、REST_DAY（休息日）或 ANY（不限）",
                "one of SCHOOL_DAY, REST_DAY, ANY");
        put("campaign.dateRequired", "必填（YYYY-MM-DD）",
                "required (YYYY-MM-DD)");
        put("campaign.typeRequired", "必填：行动类型（ROUTINE 日常、STAGGERED 错时、NIGHT_SWEEP 夜查、STAKEOUT 蹲守、RANDOM 双随机、SPECIAL 专项）",
                "type is required (ROUTINE, STAGGERED, NIGHT_SWEEP, STAKEOUT, RANDOM, SPECIAL)");
        put("campaign.unknownType", "未知的行动类型“{0}”（ROUTINE、STAGGERED、NIGHT_SWEEP、STAKEOUT、RANDOM、SPECIAL）",
                "unknown type '{0}' (ROUTINE, STAGGERED, NIGHT_SWEEP, STAKEOUT, RANDOM, SPECIAL)");
        put("campaign.solving", "行动 {0} 正在求解（任务 {1}）；请先停止",
                "campaign {0} is being solved (job {1}); stop it with DELETE first");
        put("campaign.solvingElsewhere", "行动 {0} 正在另一节点上求解；请等待其完成或在那里停止",
                "campaign {0} is being solved on another node; wait for it or stop it there");
        put("solve.oneOf", "请只给出 date、dates 或 from/to 之一",
                "give one of date, dates or from/to");
        put("solve.datesAll", "只能为“all”（行动的每一天）；部分日期请用 from/to",
                "only \"all\" (every date of the campaign); use from/to for a part");
        put("solve.toBeforeFrom", "早于开始日期（{0}）",
                "before from ({0})");
        put("solve.outside", "{0} 不在行动期间（{1} – {2}）内",
                "{0} is outside the campaign ({1} – {2})");
        put("solve.noTeams", "行动没有可安排的小组",
                "the campaign has no teams to plan for");
        put("draw.already", "行动 {0} 已经抽取过；抽取结果不可更改",
                "campaign {0} has already been drawn; a draw is final");
        put("draw.noVenues", "行动的检查对象条件没有选中任何场所，无从抽取",
                "the campaign's targets select no venue to draw from");
        put("draw.noMatch", "没有符合条件的场所",
                "no venue matches");
        put("draw.concurrent", "行动 {0} 已被同时抽取；抽取结果不可更改",
                "campaign {0} was drawn concurrently; a draw is final");
        put("draw.ratioOrCount", "请给出比例 ratio（0 < ratio ≤ 1）或数量 count（≥ 1）之一",
                "give either ratio (0 < ratio ≤ 1) or count (≥ 1)");
        put("draw.ratio", "须在 (0, 1] 之间",
                "must be in (0, 1]");
        put("draw.strata", "应为 category（类别）或 zone（分区）",
                "one of category, zone");
        put("plan.onlyPlannerPins", "只有规划员可以固定站点",
                "only the planner pins stops");
        put("calendar.kindOneOf", "应为 holiday（假日）、school_day（上学日）或 exam（考试）",
                "one of holiday, school_day, exam");
        put("time.hhmm", "应为 HH:MM，收到“{0}”",
                "expected HH:MM, got '{0}'");
        put("time.notTime", "不是有效的时刻：“{0}”",
                "not a time of day: '{0}'");
        put("time.window", "时间窗 {0}：结束须晚于开始",
                "window {0}: end must be after start");
        put("registry.licenceTaken", "许可证号 {0} 已登记",
                "licence number {0} is already registered");
        put("registry.already", "已登记",
                "already registered");
        put("registry.schoolTaken", "学校“{0}”（{1}）已登记",
                "school '{0}' at '{1}' is already registered");
        put("registry.outsideNoUnit", "不在{0}辖区内（该位置不属于任何执法机构）",
                "outside {0} (the position lies in no unit)");
        put("registry.outsideUnit", "不在{0}辖区内（该位置属于{1}）",
                "outside {0} (the position lies in {1})");
        put("registry.outsideYourUnit", "该记录将位于您的执法机构{0}的辖区之外",
                "the record would lie outside your unit {0}");
        put("registry.hoursShape", "营业时间应为文字或按星期的对象",
                "a text or a weekday object");
        put("registry.hoursWeekday", "未知的星期“{0}”（mon..sun）",
                "unknown weekday '{0}' (mon..sun)");
        put("registry.hoursUnreadable", "无法识别“{0}”（应如 08:00-24:00 或 Mo-Fr 09:00-22:00）",
                "cannot read '{0}' (expected e.g. 08:00-24:00 or Mo-Fr 09:00-22:00)");
        put("registry.hoursBadTime", "“{0}”中的时刻无效",
                "invalid time in '{0}'");
        put("registry.hours2400", "开门时间不能是 24:00（“{0}”）",
                "opening time 24:00 is not a time of day ('{0}')");
        put("registry.categoryRequired", "必填：场所类别",
                "category is required");
        put("registry.unknownCategory", "未知的场所类别“{0}”",
                "unknown category '{0}'");
        put("registry.unknownStatus", "未知的状态“{0}”（open 营业、suspended 停业整顿、revoked 吊销、unlicensed 无证、closed 歇业）",
                "unknown status '{0}' (open, suspended, revoked, unlicensed, closed)");
        put("registry.levelRequired", "必填：学校类别",
                "level is required");
        put("registry.unknownLevel", "未知的学校类别“{0}”",
                "unknown school level '{0}'");
        put("registry.certTaken", "执法证号 {0} 属于另一名执法人员",
                "certificate number {0} belongs to another inspector");
        put("registry.teamExists", "小组“{0}”已存在",
                "team '{0}' exists");
        put("registry.limit", "须在 0 到 {0} 之间",
                "must be 0..{0}");
        put("registry.adcode", "应为 6 到 12 位行政区划代码，如 370705",
                "an administrative code of 6 to 12 digits, e.g. 370705");
        put("registry.bbox", "应为 minLon,minLat,maxLon,maxLat",
                "expected minLon,minLat,maxLon,maxLat");
        put("registry.finite", "坐标须为有限数值",
                "coordinates must be finite");
        put("registry.bboxRange", "超出 -180..180 / -90..90（顺序为经度、纬度：minLon,minLat,maxLon,maxLat）",
                "outside -180..180 / -90..90 (lon,lat order: minLon,minLat,maxLon,maxLat)");
        put("registry.bboxOrder", "最小值大于最大值（顺序为经度、纬度：minLon,minLat,maxLon,maxLat）",
                "min greater than max (lon,lat order: minLon,minLat,maxLon,maxLat)");
        put("registry.unitKind", "应为 city（市）、district（区县）或 zone（开发区）",
                "expected city, district or zone");
        put("registry.noUnit", "没有编号为 {0} 的执法机构",
                "no unit {0}");
        put("registry.unitCycle", "执法机构 {0} 位于本机构之下（形成循环）",
                "unit {0} lies below this unit (a cycle)");
        put("registry.areaRequired", "必填，除非 adcode 对应已登记的区县",
                "required unless adcode names a registered district");
        put("registry.unitExists", "名为 {0} 的执法机构已存在",
                "a unit named {0} exists already");
        put("import.fileRequired", "必填：以名为 file 的 multipart 部分上传登记文件",
                "required: the register file as a multipart part named 'file'");
        put("import.mappingNotJson", "不是 JSON：应为如 {\"name\": \"场所名称\"} 的对象",
                "not JSON: expected an object like {\"name\": \"Venue name\"}");
        put("import.mappingObject", "应为 JSON 对象：本系统字段 → 文件中的列名",
                "expected a JSON object: our field → the file's column header");
        put("import.mappingText", "应为文字形式的列名",
                "expected the column header as text");
        put("import.kindRequired", "必填：{0} 之一",
                "required: one of {0}");
        put("import.unknownKind", "未知的导入类型“{0}”：应为 {1} 之一",
                "unknown kind '{0}': one of {1}");
        put("import.rowFailed", "第 {0} 行：{1}；未导入任何内容",
                "row {0}: {1}; nothing was imported");
        put("import.cancelled", "导入已取消；未导入任何内容",
                "the import was cancelled; nothing was imported");
        put("import.unknownField", "未知字段；此类导入的字段为 {0}",
                "unknown field; this kind has {0}");
        put("import.noColumn", "文件中没有“{0}”列（文件的列为：{1}）",
                "no column '{0}' in the file (columns: {1})");
        put("import.mappingBad", "列对应关系：{0}",
                "column mapping: {0}");
        put("import.districtPolygon", "须为 Polygon 或 MultiPolygon",
                "a Polygon or MultiPolygon is required");
        put("import.districtNoArea", "轮廓面积为零",
                "the outline has no area");
        put("import.campusFormat", "既不是 WKT 也不是 GeoJSON（{0}）",
                "neither WKT nor GeoJSON ({0})");
        put("geo.latitudeNotFinite", "纬度须为有限数值",
                "latitude must be a finite number (coordinates must be finite numbers)");
        put("geo.longitudeNotFinite", "经度须为有限数值",
                "longitude must be a finite number (coordinates must be finite numbers)");
        put("geo.longitudeOutside", "经度 {0} 超出 -180..180（经纬度是否颠倒？）",
                "longitude {0} outside -180..180 (lat/lon swapped?)");
        put("geo.latitudeOutside", "纬度 {0} 超出 -90..90（经纬度是否颠倒？）",
                "latitude {0} outside -90..90 (lat/lon swapped?)");
        put("geo.geometryRequired", "须为 GeoJSON 几何对象",
                "a GeoJSON geometry object is required");
        put("geo.noType", "GeoJSON 几何对象缺少 type",
                "GeoJSON geometry has no 'type'");
        put("geo.invalid", "无效的 GeoJSON {0}（{1}）",
                "invalid GeoJSON {0} ({1})");
        put("geo.empty", "空的 GeoJSON {0}（没有坐标）",
                "empty GeoJSON {0} (no coordinates)");
        put("geo.notPolygon", "应为 Polygon 或 MultiPolygon，收到 {0}",
                "expected a Polygon or MultiPolygon, got {0}");
        put("import.categoryHint", "{0}；应为类别代码（internet_cafe、song_dance、game_arcade、publication、hotel…）或中文名称（网吧、歌舞娱乐、游艺娱乐、出版物、宾馆酒店…）",
                "{0}; expected a code (internet_cafe, song_dance, game_arcade, publication, hotel, …) or its Chinese name");
        put("import.levelHint", "{0}；应为 kindergarten、primary、junior、senior、nine_year、twelve_year、vocational 或 幼儿园、小学、初中、高中、九年一贯制…",
                "{0}; expected kindergarten, primary, junior, senior, nine_year, twelve_year, vocational or the Chinese name");
        put("import.duplicateCert", "执法证号 {0} 已在第 {1} 行出现",
                "certificate number {0} already on row {1}");
        put("import.duplicateOfficer", "与第 {0} 行姓名、单位相同（无执法证号的人员按两者识别）",
                "same name and unit as row {0} (officers without certificate are keyed by both)");
        put("import.adcodeDigits", "应为 6 到 12 位数字，收到“{0}”",
                "expected 6 to 12 digits, got '{0}'");
        put("import.districtLevel", "应为 province（省）、city（市）、district（区县）或 street（街道），收到“{0}”",
                "expected province, city, district or street, got '{0}'");
        put("import.parentAdcode", "应为行政区划代码，收到“{0}”",
                "expected an adcode, got '{0}'");
        put("import.duplicateAdcode", "行政区划代码 {0} 已在第 {1} 行出现",
                "adcode {0} already on row {1}");
        put("zone.clipEmpty", "该分区完全位于其他分区之内：裁剪后不剩任何区域",
                "the zone lies wholly under other zones: nothing is left after clipping");
        put("noun.plan", "方案 {0}", "plan {0}");
        put("noun.stop", "站点 {0}", "stop {0}");
        put("noun.recusal", "回避记录 {0}", "recusal {0}");
        put("noun.campaign", "行动 {0}", "campaign {0}");
        put("noun.venue", "场所 {0}", "venue {0}");
        put("noun.inspection", "检查记录 {0}", "inspection {0}");
        put("noun.school", "学校 {0}", "school {0}");
        put("noun.inspector", "执法人员 {0}", "inspector {0}");
        put("noun.team", "小组 {0}", "team {0}");
        put("noun.unit", "执法机构 {0}", "unit {0}");
        put("noun.district", "区县 {0}", "district {0}");
        put("noun.calendarday", "日历日 {0}", "calendar day {0}");
        // ---- integ (lead): unit texts met while merging ----
        put("unit.teamOutside", "小组“{0}”属于{1}，不在本次行动的单位{2}之内", "team {0} belongs to {1}, outside the campaign's unit {2}");
        put("unit.venueOutside", "场所 {0} 位于{1}，不在{2}的辖区内", "venue {0} lies in {1}, outside {2}");
        put("registry.onlineNoPosition", "网络文化经营者没有经营场所位置：经纬度请留空",
                "an online operator (online culture) has no venue position: leave lon/lat empty");

        // ---- interop (issue 17): one REST contract, GIS imports ----
        put("contract.unknownParameter", "未知的查询参数：{0}", "unknown query parameter: {0}");
        put("contract.unknownParameter.reason", "此接口不接受该参数；可用参数：{0}",
                "this endpoint does not take it; it takes: {0}");

        // ---- speed (issue 18): set-based register import ----
        put("import.concurrentWrite", "导入期间另有人修改了相同的场所；未导入任何内容，请重新导入",
                "someone changed the same venues while the file was being imported; nothing was imported, import it again");
    }

    private MessageTable() {
    }

    private static void put(String key, String zh, String en) {
        if (TABLE.put(key, new String[] {zh, en}) != null) {
            throw new IllegalStateException("message " + key + " defined twice");
        }
    }

    static boolean has(String key) {
        return TABLE.containsKey(key);
    }

    static String template(String key, Lang lang) {
        String[] t = TABLE.get(key);
        return t == null ? null : t[lang == Lang.EN ? 1 : 0];
    }

    /** Every key with its texts, for the completeness test. */
    static Map<String, String[]> all() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }
}
