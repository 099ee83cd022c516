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
