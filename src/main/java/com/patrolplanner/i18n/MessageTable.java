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

        // ---- enforce (issue 16): venue complaint count from the records, stall review ----
        put("registry.complaintCountReadOnly", "投诉次数由举报投诉记录统计，不能直接填写（请通过举报投诉登记）",
                "counted from the complaint records, not written directly (register the complaints instead)");
        put("import.complaintCountIgnored", "“投诉次数”（complaint_count）列未导入：场所的投诉次数由举报投诉记录统计",
                "column complaint_count not imported: a venue's complaint count comes from the complaint records");
        put("stall.notPending", "场所 {0} 不是待审核的临时摊点", "venue {0} is not a provisional stall awaiting review");
        // ---- interop (issue 17, session 5): GIS imports of zones and unit areas ----
        put("import.unitsAdminOnly", "执法机构范围只能由系统管理员导入", "unit areas are imported by a system administrator only");
        put("import.unitsPolygons", "执法机构范围须为面要素：请上传 Shapefile（zip）、GeoPackage、KML 或 GeoJSON，而不是 {0}",
                "unit areas are polygons: upload a zipped Shapefile, a GeoPackage, KML or GeoJSON, not {0}");
        put("import.unitTwice", "{0} 在文件中出现两次（另见第 {1} 行）", "{0} appears twice in the file (also row {1})");
        put("import.unitParentRequired", "新建的执法机构须填写上级单位（parent：编号、区划代码或名称）",
                "a new unit needs its parent unit (parent: id, adcode or name)");
        put("import.zonesNeedUnit", "片区导入到导入者所属执法机构的新片区方案中；系统管理员不属于任何执法机构，请以该机构的用户导入",
                "zones go into a new zone set of the importer's unit; the system administrator has no unit: import as a user of the unit");
        put("import.zonesPolygons", "片区须为面要素：请上传 Shapefile（zip）、GeoPackage、KML 或 GeoJSON，而不是 {0}",
                "zones are polygons: upload a zipped Shapefile, a GeoPackage, KML or GeoJSON, not {0}");
        put("import.zonePolygon", "每个片区须为一个面（Polygon 或 MultiPolygon）", "each zone must be a polygon (Polygon or MultiPolygon)");
        put("import.zoneSetName", "导入片区 {0}", "imported zones {0}");
        put("import.atRow", "第 {0} 行", "row {0}");
        // branch i18n (issue 19, point 4): every remaining server text — compliance, geocode, coverage (gap reasons),
        // report, ogc, jobs, users/security, tiles, paging, campaigns, complaint and casework errors, import file errors
        put("common.required", "必填", "required");
        put("common.maxChars", "最多 {0} 个字符", "at most {0} characters");
        put("common.inFuture", "晚于现在", "lies in the future");
        put("common.inPast", "早于今天", "lies in the past");
        put("common.notYourUnit", "不属于您的执法机构或其下级机构", "not your unit or one below it");
        put("common.mustRange", "须在 {0} 到 {1} 之间", "must be {0}..{1}");
        put("common.between", "须在 {0} 到 {1} 之间", "between {0} and {1}");
        put("common.atLeastZero", "须大于或等于 0", "must be ≥ 0");
        put("common.notNegativeWord", "不能为负数", "not negative");
        put("common.zeroOrMore", "须为 0 或更大", "0 or more");
        put("common.oneOf", "应为以下之一：{0}", "one of {0}");
        put("common.formatOneOf", "应为 {0} 之一", "one of {0}");
        put("common.problemsIn", "{1}有 {0} 处错误", "{0} problems in the {1}");
        put("common.dateExample", "应为日期（如 {0}）", "a date ({0})");
        put("common.dateSuchAs", "应为日期，如 {0}", "a date such as {0}");
        put("common.expectedDate", "应为 YYYY-MM-DD 格式的日期", "expected YYYY-MM-DD");
        put("common.dateOrTimestamp", "应为日期（{0}）或带时区的时间", "a date ({0}) or a timestamp with offset");
        put("common.dateOrTimestampEx", "应为日期（{0}）或带时区的时间（{1}）", "a date ({0}) or a timestamp with offset ({1})");
        put("common.trueFalse", "应为 true（是）或 false（否）", "true or false");
        put("common.empty", "为空", "empty");
        put("common.notWhole", "须为整数", "a whole number");
        put("common.notWholeValue", "“{0}”不是整数", "'{0}' is not a whole number");
        put("common.notNumberValue", "“{0}”不是数字", "'{0}' is not a number");
        put("common.fromAfterTo", "开始日期不能晚于结束日期", "must not be after to");
        put("common.fromBeforeTo", "开始日期须早于结束日期", "must be before to");
        put("common.multipartFile", "必填：以名为 file 的 multipart 部分上传", "required: a multipart part named 'file'");
        put("common.alreadyExists", "已存在", "already exists");
        put("common.bboxFour", "应为四个数：minLon,minLat,maxLon,maxLat", "four numbers: minLon,minLat,maxLon,maxLat");
        put("common.bboxShape", "应为 minLon,minLat,maxLon,maxLat", "minLon,minLat,maxLon,maxLat");
        put("common.noVenueWord", "没有编号为 {0} 的场所", "no venue {0}");
        put("common.noInspector", "没有编号为 {0} 的执法人员", "no inspector {0}");
        put("common.noCampaign", "没有编号为 {0} 的行动", "no campaign {0}");
        put("common.noInspection", "没有编号为 {0} 的检查记录", "no inspection {0}");
        put("common.noUnitWord", "没有编号为 {0} 的执法机构", "no unit {0}");
        put("common.unknownField", "未知字段“{0}”；可排序字段：{1}（前加 - 表示降序）",
                "unknown field '{0}'; sortable: {1} (prefix - for descending)");
        put("noun.case", "案件 {0}", "case {0}");
        put("noun.evidence", "案件 {1} 的证据 {0}", "evidence {0} of case {1}");
        put("noun.document", "文书 {0}", "document {0}");
        put("noun.workLog", "工作记录 {0}", "work log entry {0}");
        put("noun.file", "文件 {0}", "file {0}");
        put("noun.goods", "物品记录 {0}", "goods record {0}");
        put("noun.complaint", "举报投诉 {0}", "complaint {0}");
        put("noun.rule", "规则 {0}", "rule {0}");
        put("noun.ruleOn", "{1}有效的规则 {0}", "rule {0} in force on {1}");
        put("noun.job", "任务 {0}", "job {0}");
        put("noun.geocodeJob", "地理编码任务 {0}", "geocoding job {0}");
        put("noun.collection", "图层集合 {0}", "collection {0}");
        put("noun.feature", "{1} 中的要素 {0}", "feature {0} of {1}");
        put("noun.user", "用户 {0}", "user {0}");
        put("noun.tileLayer", "瓦片图层 {0}", "tile layer {0}");
        put("noun.draw", "行动 {0} 的抽取结果", "draw of campaign {0}");
        put("noun.drawVenue", "行动 {1} 抽取结果中的场所 {0}", "venue {0} in the draw of campaign {1}");
        put("noun.solve", "行动 {0} 的求解", "solve of campaign {0}");
        put("noun.stopIn", "行动 {1} 中的站点 {0}", "stop {0} in campaign {1}");
        put("noun.planOf", "行动 {0} 的方案", "plan of campaign {0}");
        put("noun.planOfOn", "行动 {0} 在 {1} 的方案", "plan of campaign {0} on {1}");
        put("noun.route", "小组 {0} 的路线", "route of team {0}");
        put("noun.routeIn", "方案 {1} 中小组 {0} 的路线", "route of team {0} in plan {1}");
        put("noun.teamOfUser", "用户 {0} 所在的小组", "team of user {0}");
        put("noun.campaignPart", "行动 {0} 的 {1}", "campaign {0} {1}");
        put("noun.districtWord", "区县 {0}", "district {0}");
        put("problem.title.401", "未登录", "Unauthorized");
        put("problem.title.405", "不允许的方法", "Method not allowed");
        put("problem.title.412", "前提条件不满足", "Precondition failed");
        put("problem.title.415", "不支持的文件类型", "Unsupported media type");
        put("problem.title.428", "缺少前提条件", "Precondition required");
        put("campaign.endedOn", "行动 {0} 已于 {1} 结束", "campaign {0} ended on {1}");
        put("campaign.readOnly", "行动 {0} 属于{1}：对{2}只读", "campaign {0} belongs to {1}: read-only for {2}");
        put("campaign.jointTeamOfficers", "{1}的小组“{0}”只有 {2} 名持证执法人员；联合行动的每个小组须至少 {3} 名（{4}）",
                "team {0} of {1} has {2} certified officer(s); a joint campaign's team needs {3} ({4})");
        put("campaign.baseOffRoads", "ROAD_NETWORK：小组“{0}”的驻地距已导入路网 {1} 米（上限 {2} 米）",
                "ROAD_NETWORK: team {0}'s base is {1} m from the imported road network (limit {2} m)");
        put("plan.teamNoPlan", "小组 {0} 在 {1} 没有方案{2}：请派给没有方案的小组，或先求解一次行动",
                "team {0} has no plan on {1}{2}: dispatch to the team without a plan, or solve a campaign first");
        put("plan.inCampaign", "（行动 {0}）", " in campaign {0}");
        put("plan.alreadyStop", "场所 {0} 已是 {2} 方案 {1} 的站点", "venue {0} is already a stop of plan {1} on {2}");
        put("plan.venueMissing", "场所 {0} 不存在", "venue {0} does not exist");
        put("plan.venueNoPosition", "场所 {0} 没有位置", "venue {0} has no position");
        put("plan.teamNoRoute", "方案 {1} 中小组 {0} 没有路线", "team {0} has no route in plan {1}");
        put("solve.tooManySeconds", "{0} 个日期 × {1} 秒，总计超过 {2} 秒：每个日期最多 {3} 秒，或减少日期（from/to）",
                "{0} dates × {1} s is more than {2} s in all: at most {3} s per date, or fewer dates (from/to)");
        put("draw.teamSize", "每组至少 {0} 名持证执法人员（《行政处罚法》第四十二条）",
                "at least {0} certified officers per team (Administrative Penalty Law, art. 42)");
        put("draw.teamsAtLeast", "至少 1 组", "at least 1");
        put("draw.notEnough", "{0} 组、每组 {1} 人，需要 {2} 名在岗持证执法人员，名册中只有 {3} 名",
                "{0} teams of {1} need {2} certified active inspectors, the register has {3}");
        put("draw.unknownStratum", "未知的分层方式“{0}”（category 类别、zone 分区）", "unknown stratum '{0}' (category, zone)");
        put("recusal.noInspector", "没有这名执法人员", "no such inspector");
        put("recusal.noVenue", "没有这个场所", "no such venue");
        put("recusal.invalid", "回避记录无效", "invalid recusal");
        put("recusal.already", "执法人员 {0} 已对场所 {1} 回避", "inspector {0} is already recused from venue {1}");
        put("roads.noHighway", "文件中没有可通行的道路（highway）", "no drivable highway way in the file");
        put("campaign.travelOneOf", "应为 {0} 之一，收到“{1}”", "one of {0}, not '{1}'");
        put("casework.stateOneOf", "应为 filed（已立案）、investigating（调查中）、notified（已告知）、decided（已决定）、executed（已执行）或 closed（已结案）",
                "filed, investigating, notified, decided, executed or closed");
        put("casework.closedNoFiles", "已结案的案件不能再添加文件", "a closed case takes no new files");
        put("casework.closedWord", "已结案", "closed");
        put("casework.noViolation", "该检查未发现违法行为：无从立案", "the inspection found no violation: nothing to file");
        put("casework.causeRequired", "必填（案由）", "required (the cause of the case)");
        put("casework.alreadyCase", "检查记录 {0} 已立案", "inspection {0} already has a case");
        put("casework.alreadyFiled", "已立案", "already filed");
        put("casework.evidenceWhat", "必填：证据内容", "required: what the evidence is");
        put("casework.extensionApprover", "必填：批准延期的负责人（负责人批准）",
                "required: who approved the extension (the head of the bureau)");
        put("casework.extensionReason", "必填：延期理由", "required: the reason for the extension");
        put("casework.hearing", "应为 requested（申请听证）或 waived（放弃听证）", "requested or waived (hearing)");
        put("casework.onePenalty", "至少一项处罚（警告、罚款、没收违法所得、没收非法财物、责令停业整顿、吊销许可证）",
                "at least one penalty (warning, fine, confiscation of illegal income, confiscation of illegal property, suspension, licence revocation)");
        put("casework.penaltyTwice", "{0} 重复", "{0} given twice");
        put("casework.articleRequired", "必填：适用的法律条款", "required: the article applied");
        put("casework.fineAmount", "罚款须填写金额（元，大于 0）", "a fine needs an amount in yuan > 0");
        put("casework.amountRange", "0 至 1000000000 元，最多两位小数", "0..1000000000 yuan, at most 2 decimals");
        put("casework.amountOnly", "只有罚款或没收违法所得有金额", "only a fine or confiscated income has an amount");
        put("casework.execResult", "应为 paid（已缴纳）、appealed（复议诉讼）或 enforced（强制执行）", "paid, appealed or enforced");
        put("casework.beforePrevious", "早于上一步骤（{0}）", "before the previous step ({0})");
        put("casework.before2000", "早于 2000 年", "before 2000");
        put("casework.districtCode", "区县代码 {0} 无效", "district code {0}");
        put("casework.docKind", "应为 rectification_notice（责令整改通知书）或 rectification_advice（整改建议书）",
                "rectification_notice (order to rectify) or rectification_advice (advice to rectify)");
        put("casework.notVenueOf", "不是检查记录 {0} 的场所", "not the venue of inspection {0}");
        put("casework.venueOrInspection", "必填（或填写 inspectionId）", "required (or inspectionId)");
        put("casework.deadlineRequired", "必填：场所整改的截止日期", "required: the date by which the venue rectifies");
        put("casework.deadlineRange", "须在发文当日至一年之内", "from the day of issue to a year after it");
        put("casework.docNoTaken", "文书编号 {0} 已被使用", "document number {0} is taken");
        put("casework.taken", "已被使用", "taken");
        put("casework.rectifiedRequired", "必填：true（整改到位）或 false（未整改）",
                "required: true (rectified) or false (not rectified)");
        put("casework.reinspectionRequired", "必填：复查的检查记录", "required: the re-inspection's record");
        put("casework.otherVenue", "是另一场所的检查记录", "an inspection of another venue");
        put("casework.beforeIssued", "早于文书下发", "before the document was issued");
        put("casework.docKindShort", "应为 rectification_notice（责令整改通知书）或 rectification_advice（整改建议书）",
                "rectification_notice or rectification_advice");
        put("evidence.typeRefused", "file：不接受 {0} 类型的文件（JPEG、PNG、WebP、PDF）",
                "file: {0} is not accepted (JPEG, PNG, WebP, PDF)");
        put("evidence.typeRefusedReason", "不接受类型 {0}：可用 image/jpeg、image/png、image/webp、application/pdf",
                "type {0} not accepted: image/jpeg, image/png, image/webp, application/pdf");
        put("evidence.tooLarge", "file：超过 {0} 字节", "file: larger than {0} bytes");
        put("evidence.atMostBytes", "最多 {0} 字节", "at most {0} bytes");
        put("evidence.unreadable", "无法读取", "could not be read");
        put("evidence.notType", "文件内容不是 {0}", "the content is not {0}");
        put("field.phonePosition", "必填：手机定位", "required: the phone's position");
        put("field.limit", "须在 1 到 {0} 之间，offset ≥ 0", "1..{0}, offset ≥ 0");
        put("goods.unknownAct", "未知的物品处置“{0}”（{1}）", "unknown act '{0}' ({1})");
        put("goods.confiscateNeedsCase", "没收须有已作出决定、且处罚包含“没收非法财物”的案件",
                "confiscation needs a decided case whose penalties include confiscation of illegal property");
        put("goods.confiscateCaseRequired", "必填：没收须依处罚决定执行", "required: confiscation is done by a penalty decision");
        put("goods.whereTaken", "必填：物品在何处查扣（venueId、inspectionId 或 caseId）",
                "required: where the goods were taken (venueId, inspectionId or caseId)");
        put("goods.placeRequired", "必填：销毁地点", "required: where the goods were destroyed");
        put("goods.witnessesRequired", "必填：销毁见证人", "required: who witnessed the destruction");
        put("goods.witnessesMax", "最多 50 人，每个姓名最多 100 个字符", "at most 50 names of at most 100 characters");
        put("goods.extendedOnce", "物品记录 {0}：期限已延长过（只能延长一次，{1}）",
                "goods record {0}: the term was extended already (once only, {1})");
        put("goods.onceOnly", "只能延长一次", "once only");
        put("goods.approver", "必填：批准人（行政机关负责人批准）", "required: who approved (the head of the administrative organ)");
        put("goods.notSeizure", "物品记录 {0} 为“{1}”，不是查封扣押", "goods record {0} is {1}, not a temporary seizure");
        put("goods.returned", "物品记录 {0} 已经退还", "goods record {0} was returned already");
        put("casework.notYourTeam", "{0} 不是本组人员", "{0} is not of your team");
        put("casework.unknownPenalty", "未知的处罚种类“{0}”（{1}）", "unknown penalty '{0}' ({1})");
        put("worklog.dateRange", "须在 2000-01-01 到今天之间", "between 2000-01-01 and today");
        put("worklog.persons", "培训须填写人次", "required for training: person-times trained");
        put("worklog.partners", "联合执法须填写参与部门（公安、教育、网信、市场监管……）",
                "required for a joint operation: the departments (police, education, cyberspace, market regulation …)");
        put("worklog.unitRequired", "必填：这项工作所属的执法机构", "required: the unit whose work this is");
        put("complaint.required", "须提交举报投诉内容", "a complaint is required");
        put("complaint.requiredOneOf", "必填：{0}", "required: {0}");
        put("complaint.referredBy", "请填写转办的上级机关或部门", "name the superior or department that referred it");
        put("complaint.tooOld", "超过五年", "more than five years ago");
        put("complaint.content", "必填：举报人反映的内容", "required: what the reporter says");
        put("complaint.category", "未指明场所时必填（网吧、歌舞娱乐、出版物……）",
                "required when no venue is named (internet_cafe, song_dance, publication, …)");
        put("complaint.lonLat", "经度和纬度须同时填写", "give both lon and lat");
        put("complaint.notLocated", "无法定位：请给出坐标（经度、纬度）或更完整的地址",
                "could not be located: give a point (lon, lat) or a fuller address");
        put("complaint.locatedOnly", "只定位到{0}级（{1}）：请给出坐标（经度、纬度）或更完整的地址",
                "located only to the {0} ({1}): give a point (lon, lat) or a fuller address");
        put("complaint.subject", "请指明举报对象：venueId、地址，或经度和纬度", "name the subject: venueId, address, or lon and lat");
        put("complaint.action", "必填：accept（受理）、decline（不予受理）、dispatch（派发）、verify（核查）或 close（办结）",
                "required: accept, decline, dispatch, verify or close");
        put("complaint.onlyPlanners", "只有规划员可以{0}举报投诉", "only planners may {0} a complaint");
        put("complaint.onlyPlannersLeader", "只有规划员和接办的小组组长可以{0}举报投诉",
                "only planners and the team leader it was dispatched to may {0} a complaint");
        put("complaint.wrongState", "举报投诉 {0} 当前为 {1}（{2}）：“{3}”要求其处于 {4}",
                "complaint {0} is {1} ({2}): '{3}' needs it {4}");
        put("complaint.declineReason", "必填：不予受理的理由", "required: why it is not accepted");
        put("complaint.result", "必填：核查情况及处理结果", "required: what the check found and what was done");
        put("complaint.reply", "必填：举报人留有联系方式，请记录答复内容",
                "required: the reporter left a contact, record the answer given");
        put("complaint.team", "必填：负责核查的小组", "required: the team that checks it");
        put("complaint.deadlineAhead", "超过 {0} 天之后", "more than {0} days ahead");
        put("complaint.noPoint", "方案和行动检查地图上的地点：此举报投诉没有定位点，请先登记场所",
                "plans and campaigns visit places on the map: this complaint has no located point; register the venue first");
        put("complaint.provisionalCategory", "临时场所需要类别", "a category is needed for the provisional venue");
        put("complaint.addressOnly", "方案和行动只检查已登记的场所：此举报投诉只有地址，请先登记场所",
                "plans and campaigns visit registered venues: this complaint names an address; register the venue first");
        put("complaint.inspection", "必填：核查该举报投诉的检查记录", "required: the inspection that checked the complaint");
        put("complaint.otherVenue", "检查记录 {0} 检查的是场所 {1}，举报投诉针对场所 {2}",
                "inspection {0} checked venue {1}, the complaint is about venue {2}");
        put("complaint.inspectionBefore", "检查记录 {0} 早于收到举报投诉", "inspection {0} was made before the complaint came in");
        put("complaint.sourceOneOf", "应为 hotline_12318（12318 热线）、phone（电话）、web（网络）、letter（来信）、referral_superior（上级交办）、referral_department（部门移送）之一",
                "one of hotline_12318, phone, web, letter, referral_superior, referral_department");
        put("complaint.stateOneOf", "应为 received（已接收）、accepted（已受理）、declined（不予受理）、dispatched（已派发）、verified（已核查）、closed（已办结）之一",
                "one of received, accepted, declined, dispatched, verified, closed");
        put("complaint.actionOneOf", "应为 accept（受理）、decline（不予受理）、dispatch（派发）、verify（核查）、close（办结）之一",
                "one of accept, decline, dispatch, verify, close");
        put("compliance.district", "应为行政区划代码，如 370705（或其前缀）", "an adcode such as 370705 (or a prefix of one)");
        put("compliance.source", "应为 stored（已存结果，默认）或 live（现场计算）", "'stored' (default) or 'live'");
        put("compliance.addressNotLocated", "无法定位该地址：请给出经纬度", "the address could not be located: give lon/lat");
        put("compliance.lonLatRequired", "必填（WGS-84 坐标，除非 datum 另行指定）",
                "required (WGS-84 unless datum says otherwise)");
        put("compliance.nearest", "须在 {0} 到 {1} 之间", "{0} to {1}");
        put("compliance.bboxRequired", "必填：minLon,minLat,maxLon,maxLat", "required: minLon,minLat,maxLon,maxLat");
        put("compliance.tooManyBuffers", "超过 {0} 个缓冲区：请放大地图", "more than {0} buffers: zoom in");
        put("compliance.categoryRequired", "必填：场所类别，如 internet_cafe 或 网吧",
                "required: the venue category, e.g. internet_cafe");
        put("compliance.noRule", "没有代码为“{0}”的规则", "no rule with code '{0}'");
        put("compliance.codeRequired", "必填：固定的大写代码，如 ICAFE_SCHOOL_300M_3707",
                "required: a stable upper-case code such as ICAFE_SCHOOL_300M_3707");
        put("compliance.ruleExists", "规则 {0} 已存在", "rule {0} already exists");
        put("compliance.codeStable", "规则代码不可更改：请新建规则并删除此规则",
                "a rule's code is stable: create a new rule and delete this one instead");
        put("compliance.codeShape", "大写字母、数字和 _，以字母开头", "upper-case letters, digits and _ , starting with a letter");
        put("compliance.schoolLevels", "至少一个学校类别", "at least one school level");
        put("compliance.distance", "单位为米，大于 0 且不超过 5000（仅作提示的规则可为空）",
                "metres, more than 0 and at most 5000 (or null for a note)");
        put("compliance.jurisdiction", "应为 national（全国）或六位行政区划代码，如 370000",
                "'national' or a six-digit adcode such as 370000");
        put("compliance.effectiveTo", "须晚于 effectiveFrom（即规则不再适用的第一天）",
                "must be after effectiveFrom (it is the first day the rule no longer applies)");
        put("compliance.ruleInvalid", "规则无效：{0}：{1}", "the rule is not valid: {0}: {1}");
        put("compliance.format", "“{0}”不是 geojson、csv、xlsx 之一", "'{0}' is not one of geojson, csv, xlsx");
        put("coverage.metric", "应为 coverage（覆盖率）、venues（场所数）、venues_inspected（已检查场所）、inspections（检查次数）、violations（违法）、officer_visits（出动人次）、gap（空白）之一",
                "one of coverage, venues, venues_inspected, inspections, violations, officer_visits, gap");
        put("coverage.bboxRange", "minLon < maxLon，均在 -180..180 之内；minLat < maxLat，均在 -90..90 之内",
                "minLon < maxLon within -180..180, minLat < maxLat within -90..90");
        put("coverage.res", "应为 8（约 500 米）或 9（约 200 米）", "8 (≈500 m) or 9 (≈200 m)");
        put("coverage.target", "应为 (0, 1] 之间的覆盖率", "a coverage ratio in (0, 1]");
        put("coverage.resH3", "应为 8 或 9（H3 分辨率）", "8 or 9 (H3 resolution)");
        put("coverage.ring", "1 到 5 个网格", "1..5 cells");
        put("geo.unknownDatum", "未知的坐标系“{0}”（应为 WGS84、GCJ02、BD09 或 CGCS2000）",
                "unknown datum '{0}' (expected WGS84, GCJ02, BD09 or CGCS2000)");
        put("geo.notJson", "不是 JSON（{0}）", "not JSON ({0})");
        put("geocode.qRequired", "必填：要查找的地址", "required: the address to look up");
        put("geocode.unknownDistrict", "未知的区县“{0}”（应为行政区划代码或已登记的名称）",
                "unknown district '{0}' (an adcode or a registered name)");
        put("geocode.lonOutside", "经度超出 -180..180", "longitude outside -180..180");
        put("geocode.latOutside", "纬度超出 -90..90", "latitude outside -90..90");
        put("geocode.batchBody", "应为含 addresses 或 venues / schools 的 JSON 对象",
                "a JSON object with 'addresses' or 'venues' / 'schools'");
        put("geocode.onlyUngeocoded", "只支持“ungeocoded”（尚未编码的记录）", "only \"ungeocoded\" is supported");
        put("geocode.addressesRequired", "必填：{id, address} 数组", "required: an array of {id, address}");
        put("geocode.batchMax", "每批最多 {0} 条", "at most {0} per batch");
        put("geocode.badAddresses", "{0} 条地址有误；未启动任务", "{0} bad addresses; no job was started");
        put("geocode.type", "应为 venue（场所）或 school（学校）", "venue or school");
        put("geocode.badRows", "{1} 中有 {0} 行有误；未导入任何内容", "{0} bad rows in {1}; nothing was imported");
        put("geocode.noColumn", "找不到“{0}”对应的列（表头：{1}）", "column for '{0}' not found (headers: {1})");
        put("import.osmUnreadable", "不是可读取的 .osm.pbf 文件：{0}", "not a readable .osm.pbf file: {0}");
        put("inspection.officerIds", "officers：应为执法人员编号（数字）", "officers: inspector ids (numbers)");
        put("ogc.readOnly", "图层集合 {0} 只读", "collection {0} is read-only");
        put("ogc.staleEtag", "要素 {0} 当前为第 {1} 版（ETag {2}），不是 {3}：请重新读取后再修改",
                "feature {0} is at version {1} (ETag {2}), not {3}: reload it and apply your change again");
        put("ogc.ifMatch", "请发送带要素 ETag 的 If-Match（或其 version 属性），以免覆盖他人同时所做的修改",
                "send If-Match with the feature's ETag (or its version property) so that a concurrent change is not overwritten");
        put("ogc.featureExpected", "应为 GeoJSON Feature", "a GeoJSON Feature is expected");
        put("ogc.object", "应为对象", "an object");
        put("ogc.schoolGeometry", "应为 Point（学校位置）或 Polygon/MultiPolygon（校园范围），收到 {0}",
                "a Point (the school) or a Polygon/MultiPolygon (its campus), not {0}");
        put("ogc.pointExpected", "应为 Point，收到 {0}", "a Point is expected, not {0}");
        put("ogc.pointCoords", "Point 须有两个数值坐标", "a Point needs two numeric coordinates");
        put("ogc.unknownParam", "图层集合 {0} 不接受此参数（可用：{1} 以及 {2}）",
                "unknown parameter for collection {0} (known: {1} and {2})");
        put("ogc.noTemporal", "图层集合 {0} 没有时间范围", "collection {0} has no temporal extent");
        put("ogc.roleCollection", "您的角色无权读取图层集合 {0}", "your role may not read collection {0}");
        put("ogc.format", "应为 json 或 geojson（不提供 HTML）", "json or geojson (HTML is not served)");
        put("ogc.bboxFour", "应为四个数：{0} 坐标中的左下角和右上角", "four numbers: the lower left and upper right corners in {0}");
        put("ogc.bboxFourNoHeight", "应为四个数：{0} 坐标中的左下角和右上角（此处不含高程）",
                "four numbers: the lower left and upper right corners in {0} (no heights here)");
        put("ogc.datetimeShape", "应为时刻或时间区间 start/end（开放端用 ..）", "an instant or an interval start/end (.. for open)");
        put("ogc.intervalOrder", "区间的结束早于开始", "the interval ends before it starts");
        put("ogc.notRfc3339", "“{0}”不是 RFC 3339 时间（2026-03-01T08:00:00Z）或日期",
                "'{0}' is not an RFC 3339 date-time (2026-03-01T08:00:00Z) or date");
        put("ogc.crs", "不支持的坐标参考系“{0}”（支持：{1}）", "unsupported CRS '{0}' (supported: {1})");
        put("registry.unitOutside", "执法机构 {0} 不在{1}之内", "unit {0} is outside {1}");
        put("registry.inspectorOtherUnit", "执法人员 {0} 属于{1}", "inspector {0} belongs to {1}");
        put("registry.teamOtherUnit", "小组“{0}”属于{1}", "team {0} belongs to {1}");
        put("report.noDistrict", "没有代码或名称为“{0}”的区县", "no district with adcode or name '{0}'");
        put("security.crossSite", "拒绝跨站登录：登录表单须从本服务自己的页面提交",
                "cross-site login refused: the login form must be posted from this service's own page");
        put("security.passwordLength", "必填，至少 {0} 个字符", "required, at least {0} characters");
        put("security.userExists", "用户“{0}”已存在", "user '{0}' exists");
        put("security.currentPassword", "与当前密码不符", "does not match the current password");
        put("security.samePassword", "须与当前密码不同", "must differ from the current password");
        put("security.username", "1 到 64 个字母、数字或 _ . -", "1 to 64 letters, digits, _ . -");
        put("security.oneRole", "至少一个角色", "at least one role");
        put("security.unknownRole", "未知的角色“{0}”（planner 规划员、team_leader 组长、manager 局领导、admin 管理员）",
                "unknown role '{0}' (planner, team_leader, manager, admin)");
        put("tiles.zoom", "缩放级别须在 0..{0} 之间", "zoom must be 0..{0}");
        put("tiles.xy", "在缩放级别 {1} 下须在 0..{0} 之间", "must be 0..{0} at zoom {1}");
        put("zoning.moreZonesThanCells", "分区数多于网格数", "more zones than cells");
        put("zoning.districtOutside", "区县 {0} 属于{1}，不在{2}之内", "district {0} is {1}'s, outside {2}");
        put("what.document", "文书", "document");
        put("what.reinspection", "复查", "re-inspection");
        put("what.case", "案件", "case");
        put("what.act", "案件步骤", "act");
        put("what.goods", "物品记录", "goods record");
        put("what.return", "退还", "return");
        put("what.extension", "延期", "extension");
        put("what.stall", "流动摊点", "stall");
        put("what.workLog", "工作记录", "work log entry");
        put("what.rule", "期限规则", "rule");
        put("what.complaint", "举报投诉", "complaint");
        put("complaint.actionWhat", "“{0}”操作", "'{0}' request");
        put("import.districtsOutlines", "区县是轮廓：请上传 GeoJSON FeatureCollection，而不是 {0}",
                "districts are outlines: upload a GeoJSON FeatureCollection, not {0}");
        put("import.severalLayers", "一个 zip 中有多个图层（{0}）：每次导入只上传一个 Shapefile、GeoPackage 或 KML",
                "several layers in one zip ({0}): upload one Shapefile, GeoPackage or KML per import");
        put("import.shpNoDbf", "{0}.shp 缺少 {0}.dbf：Shapefile 须包含 .shp、.shx 和 .dbf（以及 .prj）",
                "{0}.shp has no {0}.dbf: a Shapefile needs its .shp, .shx and .dbf (and .prj)");
        put("import.noPrj", "Shapefile 中没有 .prj，且坐标不是经纬度（范围 {0}）：请补上 .prj（如 CGCS2000 / 3 度带高斯-克吕格 39 带，EPSG:4527）后重新上传",
                "no .prj in the Shapefile and its coordinates are not longitude/latitude (extent {0}): add the .prj (e.g. CGCS2000 / 3-degree Gauss-Kruger zone 39, EPSG:4527) and upload again");
        put("import.noCrs", "文件未说明坐标系，且坐标不是经纬度（范围 {0}）：请补上 .prj（如 CGCS2000 / 3 度带高斯-克吕格 39 带，EPSG:4527）后重新上传",
                "the file names no coordinate system and its coordinates are not longitude/latitude (extent {0}): add the .prj (e.g. CGCS2000 / 3-degree Gauss-Kruger zone 39, EPSG:4527) and upload again");
        put("import.noLayer", "GDAL 在文件中没有找到图层", "GDAL found no layer in the file");
        put("import.mixedTypes", "几何类型混杂（{0}）：一个图层只能有一种类型", "mixed geometry types ({0}): one layer must hold one type");
        put("import.wrongGeometry", "{0} 须为 {1} 要素；此文件为 {2}", "{0} need {1} features; this file holds {2}s");
        put("import.lines", "线要素不能作为 {0} 导入", "line features cannot be imported as {0}");
        put("import.zipEntries", "zip 中有 {0} 个条目（最多 {1} 个）", "the zip holds {0} entries (at most {1})");
        put("import.zipSlip", "zip 条目“{0}”指向上传目录之外", "the zip entry '{0}' points outside the upload folder");
        put("import.zipBombMb", "zip 解压后超过 {0} MB（疑似压缩炸弹）", "the zip unpacks to more than {0} MB (a zip bomb?)");
        put("import.zipBombRatio", "zip 解压后超过其大小的 {0} 倍（疑似压缩炸弹）",
                "the zip unpacks to more than {0} times its size (a zip bomb?)");
        put("import.zipUnreadable", "不是可读取的 zip：{0}", "not a readable zip: {0}");
        put("import.gdalTimeout", "GDAL 读取 {1} 超过 {0} 秒", "GDAL took more than {0} s to read {1}");
        put("import.gdalCannot", "GDAL 无法读取 {0}：{1}", "GDAL cannot read {0}: {1}");
        put("import.legacyXls", "不读取旧版 .xls 工作簿：请另存为 .xlsx 或 CSV",
                "legacy .xls workbooks are not read: save the sheet as .xlsx or CSV");
        put("import.xlsxDamaged", "不是可读取的 XLSX 工作簿（文件已损坏或不完整）",
                "not a readable XLSX workbook (the file is damaged or truncated)");
        put("import.uploadUnreadable", "无法读取上传的文件（{0}）", "could not read the upload ({0})");
        put("import.binary", "二进制内容：应为 CSV、XLSX 或 GeoJSON", "binary content: expected CSV, XLSX or GeoJSON");
        put("import.badCsv", "CSV 格式有误（{0}）", "malformed CSV ({0})");
        put("import.noSheet", "工作簿中没有工作表", "the workbook has no sheet");
        put("import.xlsxUnreadable", "不是可读取的 XLSX 工作簿（{0}）", "not a readable XLSX workbook ({0})");
        put("import.badJson", "不是有效的 JSON（{0}）", "not valid JSON ({0})");
        put("import.notCollection", "应为 GeoJSON FeatureCollection", "expected a GeoJSON FeatureCollection");
        put("roads.noHighwayTag", "没有标注 highway=motorway…residential/service/living_street 的道路",
                "no way tagged highway=motorway…residential/service/living_street");
        put("geocode.duplicateId", "编号“{0}”重复", "duplicate id '{0}'");
        put("geocode.rowLonOutside", "经度 {0} 超出 -180..180", "longitude {0} outside -180..180");
        put("geocode.missingColumn", "缺少此列", "missing column");
        put("import.osmUnreadableShort", "不是可读取的 .osm.pbf 文件", "not a readable .osm.pbf file");
        put("gap.zoneUnderTarget", "片区覆盖率 {0}%（{1}/{2}家），低于目标 {3}%（近{4}天）",
                "zone coverage {0}% ({1}/{2} venues), below the target {3}% (last {4} days)");
        put("gap.neverInspected", "从未检查", "never inspected");
        put("gap.daysSince", "已{0}天未检查（阈值{1}天）", "not inspected for {0} days (threshold {1} days)");
        put("gap.nearSchool", "位于{0}周边{1}米内，{2}（{3}起）未检查", "within {1} m of {0}, not inspected in the {2} (since {3})");
        put("gap.schoolVenues", "周边{0}米内有{1}家场所{2}未检查：{3}", "{1} venue(s) within {0} m not inspected in the {2}: {3}");
        put("gap.term.autumn", "{0}年秋季学期", "autumn term {0}");
        put("gap.term.spring", "{0}年春季学期", "spring term {0}");
        put("job.failedTitle", "任务失败", "Job failed");
        put("job.failed", "任务失败：{0}", "the job failed: {0}");
        put("job.interruptedTitle", "任务中断", "Job interrupted");
        put("job.interrupted", "任务中断：{0}；请重新启动", "interrupted: {0}; start it again");
        put("job.nodeRestarted", "运行它的节点（{0}）已重启", "the node running it ({0}) restarted");
        put("job.notRestarted", "无法在 {0} 上重新启动：{1}", "it could not be started again on {0}: {1}");
        put("job.nodeSilent", "运行它的节点已停止响应", "the node running it stopped answering");
        put("error.malformedJsonTitle", "JSON 格式有误", "Malformed JSON");
        put("error.malformedJson", "JSON 格式有误（{0}）", "malformed JSON ({0})");
        put("import.cancelledTitle", "已取消", "Cancelled");
        put("security.passwordMin", "至少 {0} 个字符", "at least {0} characters");
        put("security.passwordMaxBytes", "最多 {0} 字节（UTF-8）", "at most {0} bytes (UTF-8)");
        put("security.passwordIsName", "不能与用户名相同", "must not be the user name");
        put("security.passwordCommon", "过于常见：请选择不在猜测字典中的密码",
                "too common: choose a password that is not on guessing lists");
        put("security.crossSiteRequest", "拒绝跨站请求（Origin {0}）", "cross-site request refused (Origin {0})");
        put("security.csrfHeader", "浏览器的写操作须带 X-Requested-With 请求头（CSRF 防护）",
                "a browser write must send the X-Requested-With header (CSRF protection)");
        put("security.passwordChangeTitle", "须修改密码", "Password change required");
        put("security.passwordChange", "管理员为您设置了密码：请先设置自己的密码（POST /api/me/password）再进行其他操作",
                "an administrator set your password: choose your own (POST /api/me/password) before anything else");
        put("security.usernameChars", "只能包含字母、数字和 _ . -", "letters, digits, _ . - only");
        put("plan.travel.road", "已导入的 OSM 道路网上的最短路径 + 每趟校准的固定秒数",
                "shortest paths over the imported OSM road network + calibrated fixed seconds per trip");
        put("plan.travel.greatCircle", "大圆距离 × 绕行系数，按校准速度计算 + 每趟校准的固定秒数",
                "great-circle distance × detour factor at the calibrated speed + fixed seconds per trip");
        put("plan.travel.fallback", "没有道路路径或位置不在路网上的点对，按大圆距离 × 绕行系数、校准速度计算",
                "great-circle × detour at the calibrated speed for pairs with no road path or a point off the network");
        put("zoning.contiguityRule", "每个分区是一个多边形；多块区县中小于一个分区工作量份额的部分并入最近的分区（飞地）",
                "each zone is one polygon; a part of a multi-part district smaller than one zone's workload share joins its nearest zone (exclave)");
        put("geocode.applied", "地理编码（{0}，置信度 {1}）：{2} [{3}]", "geocoded ({0}, {1}): {2} [{3}]");
        put("geocode.forReview", "地理编码待复核（{0}，置信度 {1}）", "geocoded for review ({0}, {1})");
        put("violation.cafe_minors_admitted", "接纳未成年人进入营业场所", "Admits minors to the premises");
        put("violation.cafe_outside_hours", "在规定的营业时间以外营业（每日营业时间限于8时至24时）",
                "Open outside the permitted hours (8:00 to 24:00 daily)");
        put("violation.cafe_non_network_games", "经营非网络游戏", "Offers games that are not network games");
        put("violation.cafe_management_software_off", "擅自停止实施经营管理技术措施",
                "Stopped the management technical measures without permission");
        put("violation.cafe_licence_or_sign_missing", "未悬挂《网络文化经营许可证》或者未成年人禁入标志",
                "Network culture business licence or no-minors sign not displayed");
        put("violation.cafe_no_in_house_patrol", "未建立场内巡查制度，或者发现上网消费者的违法行为未予制止并举报",
                "No in-house patrols, or customers' illegal acts neither stopped nor reported");
        put("violation.cafe_id_not_checked", "未按规定核对、登记上网消费者的有效身份证件或者记录有关上网信息",
                "Customers' valid ID not checked and registered, or their online information not recorded");
        put("violation.cafe_records_not_kept", "未按规定时间保存登记内容、记录备份，或者在保存期内修改、删除",
                "Registrations and backups not kept for the required time, or altered or deleted within it");
        put("violation.song_dance_minors_admitted", "歌舞娱乐场所接纳未成年人", "Song and dance venue admits minors");
        put("violation.song_dance_after_hours", "每日凌晨2时至上午8时营业", "Open between 2:00 and 8:00");
        put("violation.song_dance_warning_signs_missing", "未按规定悬挂警示标志、未成年人禁入或者限入标志",
                "Warning signs or no-minors / limited-entry signs not displayed as required");
        put("violation.song_dance_prohibited_content", "曲库或者娱乐活动含有禁止内容",
                "Song library or entertainment contains prohibited content");
        put("violation.arcade_minors_on_non_holiday", "除国家法定节假日外，向未成年人提供电子游戏机",
                "Game machines offered to minors outside statutory holidays");
        put("violation.arcade_after_hours", "每日凌晨2时至上午8时营业", "Open between 2:00 and 8:00");
        put("violation.arcade_gambling_machines", "设置具有赌博功能的游戏设施设备，或者以现金、有价证券作为奖品、回购奖品",
                "Gambling game equipment, cash or securities as prizes, or prizes bought back");
        put("violation.publication_illegal", "经营非法出版物（盗版、非法进口、无出版单位）",
                "Sells illegal publications (pirated, illegally imported, no publisher)");
        put("violation.publication_unhealthy_for_minors", "经营含恐怖、色情、暴力等妨害未成年人身心健康内容的出版物",
                "Sells publications with terror, pornography, violence or other content harmful to minors");
        put("violation.hotel_unlicensed_satellite_dish", "未经批准擅自安装、使用卫星地面接收设施",
                "Satellite receiving equipment installed or used without approval");
        put("violation.hotel_illegal_satellite_programmes", "向客房传送未经批准的境外卫星电视节目",
                "Unapproved foreign satellite TV programmes sent to guest rooms");
        put("violation.hotel_unlicensed_iptv", "客房电视（IPTV、网络电视机顶盒）传送未经许可的视听节目或者擅自开办视频点播",
                "Room TV (IPTV, set-top boxes) carries unlicensed programmes or unauthorised video on demand");
        put("violation.satellite_unlicensed_sale", "未经许可销售、安装卫星地面接收设施",
                "Sells or installs satellite receiving equipment without a licence");
        put("violation.printing_unlicensed", "未取得印刷经营许可证从事印刷经营活动", "Printing business without a printing licence");
        put("violation.printing_prohibited_content", "印刷含有反动、淫秽、迷信内容或者国家明令禁止印刷内容的印刷品",
                "Prints reactionary, obscene, superstitious or other prohibited content");
        put("violation.printing_no_order_verification", "未执行承印验证、承印登记、印刷品保管、交付、残次品销毁等制度",
                "Order verification, registration, custody, delivery or spoilage destruction rules not followed");
        put("violation.printing_publication_without_order", "印刷出版物未验证、收存出版单位的印刷委托书",
                "Prints publications without verifying and keeping the publisher's printing order");
        put("violation.performance_unapproved", "举办未经批准的营业性演出", "Holds a commercial performance without approval");
        put("violation.performance_prohibited_content", "演出含有禁止内容", "Performance contains prohibited content");
        put("violation.performance_lip_sync", "以假唱、假演奏等手段欺骗观众", "Deceives the audience by lip-syncing or miming");
        put("violation.performance_over_capacity", "超过核定人数售票、观众超员",
                "Tickets sold beyond the approved capacity, audience over the limit");
        put("violation.art_not_filed", "未按规定向文化行政部门备案", "Not filed with the culture department as required");
        put("violation.art_prohibited_items", "经营禁止经营的艺术品（走私、盗窃、侵权、含禁止内容等）",
                "Deals in prohibited art works (smuggled, stolen, infringing, prohibited content)");
        put("violation.art_no_records", "未标明艺术品作者、年代、尺寸、材料等信息，或者未保存交易记录",
                "Art works without author, date, size or material stated, or no transaction records kept");
        put("violation.relics_unlicensed", "未经许可经营文物（设立文物商店、从事文物拍卖）",
                "Deals in cultural relics without a licence (relics shop, relics auction)");
        put("violation.relics_prohibited_trade", "经营禁止买卖的文物或者来源不合法的文物",
                "Trades relics that may not be traded or of unlawful origin");
        put("violation.relics_no_records", "未按规定记录购销文物并报送备案",
                "Relics purchases and sales not recorded and filed as required");
        put("violation.online_unlicensed", "未取得《网络文化经营许可证》从事经营性互联网文化活动",
                "Commercial online culture without a network culture business licence");
        put("violation.online_prohibited_content", "提供含有禁止内容的互联网文化产品",
                "Offers online culture products with prohibited content");
        put("violation.online_licence_not_shown", "未在网站主页显著位置标明许可证编号",
                "Licence number not shown prominently on the home page");
        put("violation.other", "其他违规行为（须在备注中说明）", "Other violation (describe it in the notes)");
        // ---- units (issue 14): unit administrators, joint campaigns ----
        put("units.systemAdminOnly", "仅系统管理员（不属于任何单位的管理员）可执行此操作",
                "only the system administrator (an administrator of no unit) may do this");
        put("units.unitOutside", "单位 {0} 不在 {1} 的管辖范围内", "unit {0} is outside {1}");
        put("units.noUnit", "没有单位 {0}", "no unit {0}");
        put("units.teamOutside", "执法组 {0} 不存在或不在 {1} 的管辖范围内", "team {0} does not exist or is outside {1}");
        put("units.systemAdminCreate", "只有系统管理员可以设立不属于任何单位的系统管理员",
                "only the system administrator may make an administrator of no unit (a system administrator)");
        put("units.onlyBelow", "单位管理员只能修改本单位的下级单位：{0} 不在 {1} 之下",
                "a unit administrator edits only units below its own: {0} is not below {1}");
        put("units.parentRequired", "须为本单位 {0} 或其下级单位", "must be {0} or a unit below it");
        put("units.areaOutside", "区域超出 {0} 的辖区", "the area reaches outside {0}");
        // ---- speed (issue 18): set-based register import ----
        put("import.concurrentWrite", "导入期间另有人修改了相同的场所；未导入任何内容，请重新导入",
                "someone changed the same venues while the file was being imported; nothing was imported, import it again");
        // merge of enforce and i18n (session 5): the stall review, the deadline rules and the working-day calendar
        put("stall.mergeTargetRequired", "必填：该摊点对应的已登记场所", "required: the registered venue the stall is");
        put("stall.mergeIntoItself", "不能并入摊点自身", "the stall itself");
        put("stall.noVenue", "没有场所 {0}", "no venue {0}");
        put("stall.notPendingShort", "不在待审核状态", "not pending");
        put("stall.rejectReason", "必填：不予入库的理由", "required: why the stall is not entered in the register");
        put("calendar.dateRequired", "必填：日期（如 2026-10-01）", "required: a date (2026-10-01)");
        put("calendar.notDate", "应为日期（如 2026-10-01）", "a date (2026-10-01)");
        put("calendar.toBeforeFrom", "结束日期不能早于开始日期", "not before from");
        put("calendar.spanTooLong", "至多为开始日期后 {0} 天", "at most {0} days after from");
        put("calendar.yearRange", "年份应在 2000 至 2100 之间", "between 2000 and 2100");
        put("calendar.kindValues", "holiday（放假）或 workday（调休上班）", "holiday or workday");
        put("calendar.nameRequired", "必填（如 春节）", "required (e.g. Spring Festival)");
        put("calendar.basisRequired", "必填：所依据的通知", "required: the notice it comes from");
        put("calendar.noDay", "日历中没有 {0}", "calendar day {0}");
        put("deadline.countingValues", "calendar（自然日）或 working（工作日）", "calendar or working");
        put("deadline.countingBasisRequired", "更改计日方式时必填：为何如此计日",
                "required when counting changes: why these days count so");

        // ---- arch (session 6): a cancel of a job that has ended
        put("job.alreadyEnded", "任务 {0} 已结束（{1}），无法取消", "job {0} has already ended ({1}) and cannot be cancelled");

        // ---- types (session 7): the separator of a list of names in running text; OGC API landing and collections
        put("common.listSeparator", "、", ", ");
        put("ogc.landing.title", "巡查规划 — OGC API Features", "Patrol Planner — OGC API Features");
        put("ogc.landing.description", "文化市场综合执法机构的经营场所、学校、行政区划、巡查片区、检查记录和校园周边违规。"
                + "HTTP Basic 认证；角色与 REST API 相同。",
                "Venues, schools, districts, patrol zones, inspections and open violations of the cultural-market "
                + "law-enforcement bureau. HTTP Basic authentication; the same roles as the REST API.");
        put("ogc.itemsAs", "{0}（{1} 格式）", "{0} as {1}");
        put("ogc.cgcsNote", "坐标为 WGS-84；CGCS2000（EPSG:4490，crs 参数）的坐标在此精度下数值相同（两个坐标框架相差厘米级），"
                + "顺序为纬度、经度。",
                " Coordinates are WGS-84; CGCS2000 (EPSG:4490, crs parameter) coordinates are the same numbers at this "
                + "accuracy (the two frames differ by centimetres), in latitude, longitude order.");
        put("ogc.venues.title", "文化市场经营场所", "Venues");
        put("ogc.venues.description", "已登记的文化市场经营场所：网吧、歌舞娱乐场所、游艺娱乐场所、出版物经营场所、宾馆等。"
                + "规划员和系统管理员可写入（Part 4）；ETag 即记录的版本号。",
                "Registered cultural-market venues: internet cafés, song and dance venues, arcades, publication shops, "
                + "hotels, … Writable (Part 4) by planners and administrators; ETag = the record's version.");
        put("ogc.schools.title", "学校", "Schools");
        put("ogc.schools.description", "学校：有校园范围的为校园多边形，否则为学校位置点。规划员和系统管理员可写入（Part 4）；"
                + "Polygon/MultiPolygon 几何为校园范围，Point 为学校位置。",
                "Schools: the campus polygon where known, else the school's point. Writable (Part 4) by planners and "
                + "administrators; a Polygon/MultiPolygon geometry is the campus, a Point the school's location.");
        put("ogc.districts.title", "行政区划", "Districts");
        put("ogc.districts.description", "行政区划边界（省、市、区县、街道），以行政区划代码标识。",
                "Administrative outlines (province, city, district, street) by adcode.");
        put("ogc.zones.title", "巡查片区", "Patrol zones");
        put("ogc.zones.description", "各区县启用的片区方案中的片区，及其负责的执法组。",
                "The zones of each district's active zone set, with the team responsible.");
        put("ogc.inspections.title", "检查记录", "Inspections");
        put("ogc.inspections.description", "检查记录，位置为检查时场所所在的点；datetime 按检查时间筛选。组长只能看到本组的记录。",
                "Inspection records at the venue's point as it was when inspected; datetime filters on the inspection "
                + "time. Team leaders see their own team's records only.");
        put("ogc.violations.title", "校园周边违规", "Open violations near schools");
        put("ogc.violations.description", "当日位于学校周边合规规则距离内的场所（每个场所、学校和规则一条要素），"
                + "附到校园的测地距离和规则的法律依据。",
                "Venues within a compliance rule's distance of a school today (one feature per venue, school and rule), "
                + "with the geodesic distance to the campus and the rule's legal basis.");
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
