#include "http/errors.hpp"

#include <boost/json/object.hpp>

namespace liandong::http {
namespace {

using core::ErrorKind;
namespace status = boost::beast::http;

struct Message {
  std::string_view code;
  std::string_view chinese;
  std::string_view english;
};

// Every error code the server sends: the one catalogue of error texts. The web app's messages are
// generated from this table at build time (web/scripts), so the two cannot differ. A plain array:
// std::array's deduction guide nests a level per message, and clang stops at 256.
constexpr Message kMessages[] = {
    Message{"request.invalid_json", "请求内容不是有效的 JSON 对象", "The request body is not a valid JSON object"},
    Message{"request.invalid_argument", "请求参数有误", "A request parameter is invalid"},
    Message{"request.text_too_long", "填写的内容过长，请缩短后再提交", "The text is too long; shorten it and try again"},
    Message{"request.invalid_text", "内容含有无效字符（须为 UTF-8 文本，不能含控制字符）",
            "The text contains invalid characters (UTF-8 text without control characters)"},
    Message{"request.conflict", "提交的内容与现有记录冲突，请刷新后重试",
            "The submission conflicts with an existing record; reload and try again"},
    Message{"request.invalid_target", "请求地址格式有误", "The request URL is malformed"},
    Message{"request.invalid_http", "请求格式有误", "The HTTP request is malformed"},
    Message{"request.not_found", "请求的地址不存在", "No such address"},
    Message{"request.method_not_allowed", "该地址不支持此请求方法", "This address does not accept this method"},
    Message{"request.body_too_large", "请求内容过大（上限 1 MiB，附件 20 MiB）", "The request body is too large (limit 1 MiB, files 20 MiB)"},
    Message{"request.header_too_large", "请求头过大（上限 8 KiB）", "The request header is too large (limit 8 KiB)"},
    Message{"request.rate_limited", "请求过于频繁，请稍后再试", "Too many requests; try again later"},
    Message{"auth.invalid_credentials", "用户名或密码错误", "Wrong username or password"},
    Message{"auth.unauthenticated", "请先登录", "Please log in"},
    Message{"auth.session_expired", "登录已过期，请重新登录", "Your session has ended; please log in again"},
    Message{"auth.csrf_invalid", "请求校验失败，请刷新页面后重试",
            "The request check failed; reload the page and try again"},
    Message{"auth.password_expired", "密码已过期，请先修改密码", "Your password has expired; change it first"},
    Message{"auth.wrong_password", "当前密码不正确", "The current password is wrong"},
    Message{"password.too_short", "密码至少 12 位", "The password needs at least 12 characters"},
    Message{"password.too_simple", "密码须包含大写字母、小写字母、数字、符号中的至少三类",
            "The password needs three of: upper case, lower case, digits, symbols"},
    Message{"password.common", "该密码过于常见，请换一个", "This password is too common; choose another"},
    Message{"password.contains_username", "密码不能包含用户名", "The password must not contain the username"},
    Message{"password.reused", "不能使用最近 5 次用过的密码", "The password must differ from the last 5"},
    Message{"auth.permission_denied", "没有权限执行此操作", "You do not have permission to do this"},
    Message{"request.invalid_date", "日期格式有误，应为 YYYY-MM-DD 的有效日期",
            "The date must be a valid YYYY-MM-DD date"},
    Message{"org.not_found", "组织不存在", "No such organisation"},
    Message{"org.invalid_name", "组织名称不能为空", "The organisation needs a name"},
    Message{"org.invalid_level", "组织层级无效", "Invalid organisation level"},
    Message{"org.invalid_kind", "组织类型无效", "Invalid organisation kind"},
    Message{"org.not_empty", "该组织仍有下级组织或党员，不能撤销",
            "The organisation still has sub-organisations or members"},
    Message{"org.invalid_move", "不能把组织移到它自己或它的下级之下",
            "An organisation cannot move under itself or its own subtree"},
    Message{"org.parent_archived", "上级组织已撤销", "The parent organisation is archived"},
    Message{"member.not_found", "党员不存在", "No such Party member"},
    Message{"member.invalid_id_number", "身份证号码无效（长度、出生日期或校验位错误）",
            "Invalid ID number (length, birth date or check digit)"},
    Message{"member.id_number_taken", "该身份证号码已登记", "This ID number is already registered"},
    Message{"member.invalid_phone", "手机号码无效", "Invalid mobile phone number"},
    Message{"member.invalid_gender", "性别无效", "Invalid gender"},
    Message{"member.invalid_status", "党员状态无效", "Invalid membership status"},
    Message{"member.invalid_name", "党员姓名不能为空", "The member needs a name"},
    Message{"member.name_too_long", "党员姓名最多 50 个字", "The member's name has at most 50 characters"},
    Message{"member.employer_unit_not_found", "所选工作单位不存在", "The selected employer unit does not exist"},
    Message{"member.home_community_not_found", "所选居住社区不存在", "The selected home community does not exist"},
    Message{"member.invalid_home_community", "居住社区须为在册的社区一级组织",
            "The home community must be a live organisation of community level"},
    Message{"member.invalid_date", "日期无效或早于出生日期", "Invalid date, or before the birth date"},
    Message{"transfer.not_found", "转接申请不存在", "No such transfer"},
    Message{"transfer.not_pending", "该转接申请已处理", "This transfer has already been decided"},
    Message{"transfer.same_org", "转入组织与当前组织相同", "The receiving organisation is the current one"},
    Message{"transfer.already_pending", "该党员已有待处理的转接申请", "This member already has a pending transfer"},
    Message{"transfer.reason_required", "请填写退回理由", "A reason is required to refuse"},
    Message{"unit.not_found", "单位不存在", "No such unit"},
    Message{"unit.invalid_name", "单位名称不能为空，且不超过 100 个字",
            "The unit name is required (at most 100 characters)"},
    Message{"unit.invalid_credit_code", "统一社会信用代码应为 18 位且校验位正确",
            "The unified social credit code must have 18 characters and a correct check character"},
    Message{"unit.credit_code_taken", "该统一社会信用代码已被其他单位使用",
            "Another unit already has this unified social credit code"},
    Message{"unit.invalid_kind", "单位类型无效", "Unknown unit kind"},
    Message{"unit.invalid_staff_count", "从业人数应为不小于 0 的整数",
            "The staff count must be a whole number, 0 or more"},
    Message{"unit.invalid_field", "字段格式有误或内容过长（不超过 50 个字）",
            "A field has the wrong type or is too long (at most 50 characters)"},
    Message{"unit.invalid_org", "所在组织应为已有的街道或社区",
            "The unit must be located in an existing street or community"},
    Message{"unit.invalid_own_org", "单位党组织不存在", "The unit's own Party organisation does not exist"},
    Message{"unit.invalid_joint_branch", "联合党支部应为已有的、类型为联合党支部的组织",
            "The joint branch must be an existing organisation of kind joint branch"},
    Message{"unit.archived", "单位已归档，不能修改", "The unit is archived and cannot be changed"},
    Message{"unit.invalid_coverage", "覆盖情况筛选条件无效", "Unknown coverage filter"},
    Message{"unit.invalid_row", "该行不是有效的单位数据", "This row is not a unit record"},
    Message{"unit.duplicate_in_import", "导入数据中该统一社会信用代码重复",
            "This unified social credit code appears more than once in the import"},
    Message{"unit.too_many_rows", "一次最多导入 5000 行", "At most 5000 rows can be imported at once"},
    Message{"joint_committee.not_found", "该组织尚未建立联合党组织（大工委/大党委）",
            "This organisation has no joint committee"},
    Message{"joint_committee.member_not_found", "联合党组织成员不存在", "No such joint committee member"},
    Message{"joint_committee.invalid_level", "只有街道和社区可以建立大工委、大党委",
            "Only streets and communities have joint committees"},
    Message{"joint_committee.invalid_name", "名称不能为空，且不超过 100 个字",
            "The name is required (at most 100 characters)"},
    Message{"joint_committee.invalid_person_name", "成员姓名不能为空，且不超过 50 个字",
            "The member's name is required (at most 50 characters)"},
    Message{"joint_committee.invalid_post", "职务不能为空，且不超过 50 个字",
            "The post is required (at most 50 characters)"},
    Message{"joint_committee.invalid_date", "日期应为 YYYY-MM-DD 格式的有效日期",
            "Dates must be valid and written YYYY-MM-DD"},
    Message{"joint_committee.invalid_term", "任期结束日期不能早于开始日期", "The term cannot end before it starts"},
    Message{"joint_committee.invalid_unit", "所选单位不存在或已归档", "The unit does not exist or is archived"},
    Message{"joint_committee.unit_not_found", "所选单位不存在", "The selected unit does not exist"},
    Message{"street.not_a_street", "只有街道有体制改革档案", "Only streets have a reform profile"},
    Message{"street.invalid_date", "日期应为 YYYY-MM-DD 格式的有效日期", "Dates must be valid and written YYYY-MM-DD"},
    Message{"street.date_without_step", "尚未完成的事项不能填写日期（未设立、未任命或未公布）",
            "A date can only be given for a step that has been taken"},
    Message{"street.invalid_deputy_secretary", "专职副书记姓名不超过 50 个字",
            "The deputy secretary's name is at most 50 characters"},
    Message{"street.invalid_power", "赋权事项无效（处置权、建议权、参与权、督办权、人事任免建议权）",
            "Unknown power (disposal, recommendation, participation, supervision, personnel_recommendation)"},
    Message{"street.duplicate_power", "同一项权力只能填写一次", "Each power can be listed only once"},
    Message{"duty.not_found", "责任清单事项不存在", "No such duty item"},
    Message{"duty.not_owner", "只能修改、删除本组织制定的责任清单事项",
            "Only the organisation that wrote a duty item can change or delete it"},
    Message{"duty.in_use", "该事项已被任务、督办或问责记录引用，不能删除",
            "Tasks, supervisions or accountability records refer to this item"},
    Message{"duty.year_exists", "目标年度已有本组织的责任清单",
            "Your organisation already has a duty list for that year"},
    Message{"duty.invalid_year", "年度无效（2000–2100，复制时两个年度须不同）",
            "Invalid year (2000–2100; a copy needs two different years)"},
    Message{"duty.invalid_level", "层级无效：应为本组织或下级组织所在的层级",
            "Invalid level: it must be the level of your organisation or of one below it"},
    Message{"duty.invalid_kind", "责任类型无效（主体责任、第一责任、直接责任、落实责任）",
            "Invalid responsibility kind (principal, first, direct, executing)"},
    Message{"duty.invalid_description", "责任内容不能为空，且不超过 2000 个字",
            "The description is required (at most 2000 characters)"},
    Message{"duty.invalid_department", "责任部门不存在", "No such department"},
    Message{"duty.invalid_sort_order", "排序号应为 0–100000 的整数",
            "The sort order must be a whole number from 0 to 100000"},
    Message{"supervision.not_found", "督办事项不存在", "No such supervision"},
    Message{"supervision.invalid_title", "督办标题不能为空，且不超过 100 个字",
            "The title is required (at most 100 characters)"},
    Message{"supervision.invalid_requirement", "督办要求不能为空，且不超过 2000 个字",
            "The requirement is required (at most 2000 characters)"},
    Message{"supervision.invalid_deadline", "整改期限应为 YYYY-MM-DD 格式的有效日期",
            "The deadline must be a valid YYYY-MM-DD date"},
    Message{"supervision.deadline_past", "整改期限不能早于今天", "The deadline cannot be in the past"},
    Message{"supervision.target_not_below", "督办对象应为本组织的下级组织",
            "A supervision goes to an organisation below yours"},
    Message{"supervision.target_archived", "督办对象组织已撤销", "That organisation is archived"},
    Message{"supervision.invalid_assignment", "所选任务不存在或不属于督办对象",
            "The task does not exist or is not the target organisation's"},
    Message{"supervision.invalid_duty_item", "所选责任清单事项不存在或与督办对象无关",
            "The duty item does not exist or does not concern the target organisation"},
    Message{"supervision.not_issuer", "只有发起督办的组织可以执行此操作",
            "Only the organisation that issued the supervision can do this"},
    Message{"supervision.not_target", "只有被督办的组织可以上传材料、提交整改",
            "Only the supervised organisation can upload evidence and answer"},
    Message{"supervision.wrong_state", "督办当前状态不允许此操作", "The supervision's state does not allow this now"},
    Message{"supervision.invalid_text", "内容不能为空，且不超过 2000 个字",
            "The text is required (at most 2000 characters)"},
    Message{"supervision.invalid_reason", "请填写退回理由（不超过 2000 个字）",
            "A reason is required to return it (at most 2000 characters)"},
    Message{"supervision.too_many_attachments", "每次整改最多附 20 个文件", "At most 20 files per rectification"},
    Message{"accountability.no_link", "问责记录须关联至少一项任务、督办或责任清单事项",
            "An accountability record must link a task, a supervision or a duty item"},
    Message{"accountability.target_not_below", "问责对象应为本组织的下级组织",
            "Accountability is recorded for an organisation below yours"},
    Message{"accountability.invalid_link", "关联的任务、督办或责任清单事项不存在或与问责对象无关",
            "A linked task, supervision or duty item does not exist or does not concern that organisation"},
    Message{"accountability.invalid_measure", "问责方式不能为空，且不超过 100 个字",
            "The measure is required (at most 100 characters)"},
    Message{"accountability.invalid_subject", "被问责对象不能为空，且不超过 100 个字",
            "Who is held to account is required (at most 100 characters)"},
    Message{"accountability.invalid_reason", "问责事由不能为空，且不超过 2000 个字",
            "The reason is required (at most 2000 characters)"},
    Message{"accountability.invalid_date", "决定日期应为 YYYY-MM-DD 格式的有效日期",
            "The decision date must be a valid YYYY-MM-DD date"},
    Message{"resident_request.not_found", "工单不存在或不在本组织范围内", "No such request in your organisation's reach"},
    Message{"resident_request.unknown_category", "诉求分类不存在或已停用", "The category does not exist or is archived"},
    Message{"resident_request.category_not_leaf", "请选择最末一级的诉求分类", "Choose a category of the last level"},
    Message{"resident_request.category_too_deep", "诉求分类最多 5 级", "Categories have at most 5 levels"},
    Message{"resident_request.invalid_category_name", "分类名称不能为空，且不超过 50 个字",
            "The category name is required (at most 50 characters)"},
    Message{"resident_request.invalid_category_owner", "末级分类须指定承办类型（社区、街道或派出机构及其类别）",
            "A last-level category names its owner kind (community, street, or an agency and its kind)"},
    Message{"resident_request.invalid_sla_class", "时限类别无效（各时限须为正数，预警时间须短于办结时限）",
            "The SLA class is invalid (positive limits, the warning shorter than the resolution limit)"},
    Message{"resident_request.invalid_agency", "派出机构信息有误：须属于区级组织，并服务本区的街道",
            "The agency is invalid: it belongs to a district and serves streets of that district"},
    Message{"resident_request.invalid_channel", "受理渠道无效", "The channel is invalid"},
    Message{"resident_request.invalid_title", "诉求概要不能为空，且不超过 100 个字",
            "The summary is required (at most 100 characters)"},
    Message{"resident_request.invalid_description", "诉求内容不能为空，且不超过 2000 个字",
            "The description is required (at most 2000 characters)"},
    Message{"resident_request.invalid_address", "地址不超过 200 个字", "The address has at most 200 characters"},
    Message{"resident_request.invalid_resident_name", "来电人姓名不超过 50 个字",
            "The resident's name has at most 50 characters"},
    Message{"resident_request.invalid_resident_phone", "联系电话应为手机号或固定电话",
            "The phone is a mobile or landline number"},
    Message{"resident_request.invalid_location", "经纬度无效", "The latitude or longitude is invalid"},
    Message{"resident_request.invalid_territory", "事发地须为本组织范围内的街道或社区",
            "The place must be a street or community within your organisation"},
    Message{"resident_request.invalid_owner", "承办单位须为事发地所在街道、其社区或服务该街道的派出机构",
            "The owner must be the place's street, one of its communities, or an agency serving the street"},
    Message{"resident_request.not_owner", "只有当前承办单位可以办理此工单", "Only the owning organisation handles it"},
    Message{"resident_request.not_first_receiver", "只有首接单位可以回访、重办此工单",
            "Only the first receiver records the rating or reopens it"},
    Message{"resident_request.not_approver", "延期由承办单位的上级审批",
            "The organisation above the owner decides on extensions"},
    Message{"resident_request.wrong_state", "工单当前状态不允许此操作", "The request's state does not allow this now"},
    Message{"resident_request.return_owner_required", "退回须指明正确的承办单位",
            "A return must name the right owner"},
    Message{"resident_request.return_to_self", "不能退回或派给当前承办单位自己",
            "A request cannot be returned or dispatched to its current owner"},
    Message{"resident_request.invalid_reason", "理由不能为空，且不超过 2000 个字",
            "The reason is required (at most 2000 characters)"},
    Message{"resident_request.invalid_text", "内容不能为空，且不超过 2000 个字",
            "The text is required (at most 2000 characters)"},
    Message{"resident_request.already_contacted", "已记录过首次联系", "The first contact is already recorded"},
    Message{"resident_request.invalid_extension", "延期天数须为 1 至 365 的整数",
            "The extension is a whole number of days from 1 to 365"},
    Message{"resident_request.extension_pending", "已有待审批的延期申请", "An extension already awaits a decision"},
    Message{"resident_request.extension_too_long", "延期超过该类诉求允许的最长天数",
            "The extension exceeds the longest this category allows"},
    Message{"resident_request.extension_not_found", "延期申请不存在", "No such extension"},
    Message{"resident_request.invalid_satisfaction", "满意度须为满意、基本满意或不满意，并注明是否解决",
            "The rating is satisfied, basically satisfied or unsatisfied, with whether it was resolved"},
    Message{"resident_request.reopen_not_unsatisfied", "只有居民不满意的工单可以重办",
            "Only a request the resident was unsatisfied with can be reopened"},
    Message{"resident_request.reopen_limit", "每件工单只能重办一次", "A request can be reopened once"},
    Message{"whistle.not_found", "吹哨不存在或不在本组织范围内", "No such whistle in your organisation's reach"},
    Message{"whistle.invalid_type", "吹哨类型须为街道难以解决的问题、综合执法或应急处置",
            "The whistle type is beyond the street's means, enforcement or emergency"},
    Message{"whistle.invalid_source", "问题来源须为热线、网格巡查、居民议事会、信访或城市管理平台",
            "The source is the hotline, grid patrol, resident council, petition or city platform"},
    Message{"whistle.invalid_title", "吹哨事项不能为空，且不超过 100 个字", "The subject is required (at most 100 characters)"},
    Message{"whistle.invalid_description", "情况说明不能为空，且不超过 2000 个字",
            "The description is required (at most 2000 characters)"},
    Message{"whistle.invalid_address", "地点不超过 200 个字", "The place has at most 200 characters"},
    Message{"whistle.invalid_street", "吹哨街道须为本组织范围内的街道", "The street must be a street within your organisation"},
    Message{"whistle.no_agencies", "请选择 1 至 10 个报到单位", "Summon from 1 to 10 agencies"},
    Message{"whistle.duplicate_agency", "同一报到单位不能重复选择", "An agency is summoned once"},
    Message{"whistle.agency_not_serving", "只能向服务本街道的派出机构吹哨", "Only agencies serving the street can be summoned"},
    Message{"whistle.not_street", "只有吹哨街道可以办理此操作", "Only the street that blew the whistle does this"},
    Message{"whistle.not_summoned", "本单位不是该吹哨的报到单位", "Your agency was not summoned by this whistle"},
    Message{"whistle.wrong_state", "吹哨当前状态不允许此操作", "The whistle's state does not allow this now"},
    Message{"whistle.already_signed_off", "街道主要领导已签发", "The principal leader has already signed it off"},
    Message{"whistle.not_signed_off", "须经街道主要领导签发后才能办结", "The principal leader must sign it off before closing"},
    Message{"whistle.already_arrived", "本单位已报到", "Your agency's arrival is already recorded"},
    Message{"whistle.not_arrived", "请先报到再记录处置", "Record your arrival first"},
    Message{"whistle.already_completed", "本单位的处置已完成", "Your agency's part is already complete"},
    Message{"whistle.parts_open", "还有报到单位未完成处置，事不完、人不撤，不能办结",
            "Some summoned agencies have not completed their part: the whistle cannot close"},
    Message{"whistle.not_closed", "吹哨办结后才能评哨", "Rate the agencies once the whistle is closed"},
    Message{"whistle.already_rated", "已对该单位评哨", "This agency is already rated"},
    Message{"whistle.invalid_score", "评分须为 1 至 5 分", "The score is from 1 to 5"},
    Message{"whistle.invalid_text", "内容不能为空（如须填写），且不超过规定字数", "The text is missing or too long"},
    Message{"whistle.invalid_arrival_minutes", "到场时限须为 1 至 1440 分钟", "The arrival time is 1 to 1440 minutes"},
    Message{"whistle.invalid_band", "吹哨率区间有误：下限不小于 0，上限须大于下限",
            "The rate band is invalid: the low bound is at least 0 and the high bound above it"},
    Message{"whistle.invalid_residents", "常住人口须为正整数", "The residents are a positive whole number"},
    Message{"whistle.invalid_counted_on", "统计日期应为 YYYY-MM-DD 格式的有效日期",
            "The count date must be a valid YYYY-MM-DD date"},
    Message{"power_act.not_found", "赋权事项不存在或不在本组织范围内", "No such power act in your organisation's reach"},
    Message{"power_act.invalid_power", "权力类型须为处置权、建议权、参与权、督办权或人事任免建议权",
            "The power is disposal, recommendation, participation, supervision or personnel recommendation"},
    Message{"power_act.personnel_denied", "人事任免建议属保密事项，无权办理",
            "Personnel recommendations are confidential: you may not make one"},
    Message{"power_act.invalid_subject", "事项名称不能为空，且不超过 100 个字",
            "The subject is required (at most 100 characters)"},
    Message{"power_act.invalid_text", "内容不能为空，且不超过 2000 个字", "The text is required (at most 2000 characters)"},
    Message{"power_act.invalid_evidence", "依据材料说明不超过 2000 个字", "The evidence has at most 2000 characters"},
    Message{"power_act.invalid_response_due", "答复期限应为今天或以后的 YYYY-MM-DD 日期",
            "The response date must be a YYYY-MM-DD date from today on"},
    Message{"power_act.invalid_street", "行权街道须为本组织范围内的街道", "The street must be a street within your organisation"},
    Message{"power_act.agency_not_serving", "只能对服务本街道的派出机构行使职权",
            "Powers are exercised towards agencies serving the street only"},
    Message{"power_act.not_agency", "只有被行权的派出机构可以答复", "Only the agency concerned answers"},
    Message{"power_act.not_street", "只有行权街道可以记录结果", "Only the street that acted records the outcome"},
    Message{"power_act.wrong_state", "赋权事项当前状态不允许此操作", "The act's state does not allow this now"},
    Message{"power_act.not_answered", "派出机构答复后才能记录结果", "Record the outcome after the agency has answered"},
    Message{"power_act.invalid_answer", "答复内容不能为空，且不超过 2000 个字", "The answer is required (at most 2000 characters)"},
    Message{"power_act.invalid_outcome", "结果须为采纳、部分采纳或未采纳", "The outcome is adopted, partly adopted or not adopted"},
    Message{"workforce.invalid_scheme", "等级序列填写有误（名称、年份、晋级间隔、岗位或学历折算）",
            "The grade scheme is invalid (name, years, step interval, posts or degree credits)"},
    Message{"workforce.unknown_template", "没有这个预置等级序列", "No such shipped grade scheme"},
    Message{"workforce.scheme_overlap", "该辖区已有与此年份范围重叠的等级序列版本",
            "This jurisdiction already has a scheme version overlapping these years"},
    Message{"workforce.pay_table_incomplete", "薪酬表缺少等级序列所需的岗位等级",
            "The pay table lacks a (post, grade) cell the scheme needs"},
    Message{"workforce.grade_out_of_range", "等级超出该岗位的等级范围", "The grade lies outside its post's range"},
    Message{"workforce.scheme_not_found", "等级序列不存在", "No such grade scheme"},
    Message{"workforce.no_scheme", "该社区没有适用的等级序列，请先由区或市设置",
            "No grade scheme applies to this community; the district or city sets one first"},
    Message{"workforce.invalid_post", "岗位不在适用的等级序列中", "The post is not in the applicable scheme"},
    Message{"workforce.invalid_org", "社区工作者应属于一个社区", "A community worker belongs to a community"},
    Message{"workforce.invalid_name", "姓名不能为空，且不超过 50 个字", "The name is required (at most 50 characters)"},
    Message{"workforce.invalid_id_number", "身份证号码无效", "The ID number is invalid"},
    Message{"workforce.invalid_phone", "手机号码应为 11 位数字", "The phone number must have 11 digits"},
    Message{"workforce.invalid_date", "日期应为 YYYY-MM-DD 格式，且不晚于今天",
            "The date must be YYYY-MM-DD and not in the future"},
    Message{"workforce.invalid_education", "学历应为高中及以下、大专、本科、硕士研究生或博士研究生",
            "Education must be high school, associate, bachelor, master or doctor"},
    Message{"workforce.invalid_status", "状态应为在岗、离职或退休", "The status must be in post, left or retired"},
    Message{"workforce.id_number_taken", "该身份证号码已登记为社区工作者", "This ID number is already a worker's"},
    Message{"workforce.member_not_found", "关联的党员不存在", "No such Party member"},
    Message{"workforce.worker_not_found", "社区工作者不存在", "No such community worker"},
    Message{"workforce.invalid_year", "年份无效（不能晚于今年）", "The year is invalid (not after this year)"},
    Message{"workforce.invalid_appraisal", "考核结果应为优秀、称职、基本称职或不称职",
            "The appraisal must be excellent, competent, basically competent or incompetent"},
    Message{"workforce.appraisal_exists", "该工作者这一年的年度考核已录入",
            "This worker's appraisal for that year is already recorded"},
    Message{"workforce.run_not_found", "调岗调级批次不存在", "No such regrading run"},
    Message{"workforce.run_overlap", "上级或下级辖区已有同一年度的调岗调级",
            "A jurisdiction above or below already has a regrading run for that year"},
    Message{"workforce.run_already_approved", "该调岗调级已审批，不能重复操作", "This regrading run is already approved"},
    Message{"workforce.run_reverted", "该调岗调级已撤销", "This regrading run was reverted"},
    Message{"workforce.run_not_reviewed", "还有街道未复核，不能审批", "Some streets have not reviewed it yet"},
    Message{"workforce.run_not_approved", "只有已审批的调岗调级可以撤销", "Only an approved run can be reverted"},
    Message{"workforce.run_has_later", "之后年度的调岗调级以此为基础，不能撤销",
            "A later approved run builds on this one; it cannot be reverted"},
    Message{"workforce.invalid_reason", "请填写撤销理由（不超过 500 个字）",
            "A reason is required (at most 500 characters)"},
    Message{"workforce.street_not_in_run", "该街道不在此次调岗调级中", "That street has no workers in this run"},
    Message{"auth.second_factor_required", "请输入动态验证码完成登录", "Enter your one-time code to finish signing in"},
    Message{"auth.second_factor_enrolment_required", "您的角色须启用两步验证，请先绑定身份验证器",
            "Your role requires two-step verification: set up an authenticator first"},
    Message{"auth.invalid_second_factor", "动态验证码或恢复码不正确", "The one-time code or recovery code is wrong"},
    Message{"auth.second_factor_not_pending", "当前登录无需动态验证码", "This sign-in does not need a one-time code"},
    Message{"auth.second_factor_enrolled", "已启用两步验证；如需更换，请联系系统管理员重置",
            "Two-step verification is already set up; ask the system administrator to reset it"},
    Message{"auth.second_factor_not_started", "请先生成密钥并用身份验证器扫描二维码",
            "Start the set-up and scan the QR code first"},
    Message{"user.not_found", "用户不存在", "No such user"},
    Message{"user.own_account", "不能在此修改自己的账号", "You cannot change your own account here"},
    Message{"user.administrator_account", "管理员账号不能在此管理（三员分立）",
            "Administrator accounts are not managed here (separation of duties)"},
    Message{"user.administrator_role", "不能授予管理员角色（三员分立）",
            "Administrator roles cannot be granted here (separation of duties)"},
    Message{"user.invalid_role", "角色不存在", "No such role"},
    Message{"user.invalid_username", "用户名为 3–64 位小写字母、数字或 . _ -，以字母或数字开头",
            "A username is 3–64 lower-case letters, digits or . _ -, starting with a letter or digit"},
    Message{"user.invalid_display_name", "姓名不能为空，且不超过 50 个字", "The name is required (at most 50 characters)"},
    Message{"user.username_taken", "用户名已被使用", "That username is taken"},
    Message{"role.not_found", "角色不存在", "No such role"},
    Message{"role.invalid_name", "角色标识为 3–40 位小写字母或下划线", "A role name is 3–40 lower-case letters or _"},
    Message{"role.invalid_display_name", "角色名称不能为空，且不超过 50 个字",
            "The role's display name is required (at most 50 characters)"},
    Message{"role.name_taken", "角色标识已存在", "That role name is taken"},
    Message{"role.unknown_permission", "权限不存在", "Unknown permission"},
    Message{"role.duty_mixed", "业务角色只能包含业务权限，不能包含管理员权限（三员分立）",
            "A staff role holds staff permissions only (separation of duties)"},
    Message{"role.administrator_role", "三员角色的权限固定，不能修改", "The administrator roles are fixed"},
    Message{"role.builtin", "内置角色不能删除", "Built-in roles cannot be deleted"},
    Message{"role.in_use", "仍有用户使用该角色，不能删除", "Users still hold this role"},
    Message{"setting.not_found", "设置项不存在", "No such setting"},
    Message{"setting.invalid_bool", "该设置只能为是或否", "This setting is true or false"},
    Message{"setting.out_of_range", "设置值超出允许范围", "The value is outside the allowed range"},
    Message{"audit.too_many_rows", "导出行数过多，请缩小时间范围", "Too many rows: narrow the dates"},
    Message{"db.backup_failed", "备份或恢复失败", "The backup or restore failed"},
    Message{"db.busy", "系统正忙，保存未完成，请稍后重试", "The system is busy and nothing was saved; try again shortly"},
    Message{"server.internal", "服务器内部错误，请稍后再试", "Internal server error; try again later"},
    Message{"server.unavailable", "服务暂不可用，请稍后再试", "The service is unavailable; try again later"},
    Message{"db.unavailable", "数据库暂时无法连接，本次操作可能未保存，请稍后刷新查看后再试",
            "The database cannot be reached for now and the change may not have been saved; reload and check, "
            "then try again shortly"},
    Message{"server.storage_full", "服务器存储空间已满，本次操作未保存，请联系系统管理员",
            "The server's storage is full and nothing was saved; tell the system administrator"},
    // The responsibility system: tasks, evidence files, the inbox.
    Message{"task.not_found", "任务不存在", "No such task"},
    Message{"task.assignment_not_found", "任务分解节点不存在", "No such task assignment"},
    Message{"task.report_not_found", "进展报告不存在", "No such progress report"},
    Message{"task.invalid_title", "任务标题不能为空，且不超过 100 个字", "The title is required (at most 100 characters)"},
    Message{"task.invalid_content", "任务内容不能为空，且不超过 5000 个字",
            "The content is required (at most 5,000 characters)"},
    Message{"task.invalid_deadline", "截止日期应为今天或以后的有效日期（YYYY-MM-DD）",
            "The deadline must be a valid date (YYYY-MM-DD), today or later"},
    Message{"task.deadline_after_parent", "截止日期不能晚于上级任务的截止日期",
            "The deadline cannot be later than the parent's"},
    Message{"task.invalid_weight", "权重应为 1–100 的整数", "The weight is a whole number from 1 to 100"},
    Message{"task.invalid_duty_item", "所选责任清单事项不存在", "No such duty item"},
    Message{"task.invalid_targets", "下达对象无效：请选择直接下级、某一层级或指定组织",
            "Invalid targets: choose direct children, a level, or a list of orgs"},
    Message{"task.no_targets", "没有可下达的组织", "No org to assign to"},
    Message{"task.target_not_found", "所选下达对象不存在", "The selected target organisation does not exist"},
    Message{"task.already_assigned", "所选组织均已承担该任务", "Every chosen org already has this task"},
    Message{"task.invalid_state", "任务状态筛选无效", "Unknown task state filter"},
    Message{"task.not_assignee", "只有承担该任务的组织可以执行此操作", "Only the org that holds this part may do this"},
    Message{"task.root_not_decomposable", "请在本组织下达的任务中直接追加下达对象",
            "Add targets to a task you issued by issuing again"},
    Message{"task.not_reportable", "下达单位不上报本任务进展", "The issuer does not report on its own task"},
    Message{"task.not_a_leaf", "已分解的任务由下级上报，进展自动汇总",
            "A decomposed part is reported by the orgs below it and rolled up"},
    Message{"task.already_done", "该任务已完成", "This part is already done"},
    Message{"task.report_pending", "已有进展报告等待审核", "A report is already awaiting review"},
    Message{"task.invalid_percent", "完成进度应为 0–100 的整数", "The progress is a whole number from 0 to 100"},
    Message{"task.invalid_text", "进展说明不能为空，且不超过 2000 个字",
            "The report text is required (at most 2,000 characters)"},
    Message{"task.not_reviewer", "只有上一级组织可以审核该进展", "Only the level above may review this report"},
    Message{"task.report_not_pending", "该进展报告已审核", "This report has already been reviewed"},
    Message{"task.reason_required", "请填写退回原因（不超过 500 个字）", "Give the reason for returning (at most 500 characters)"},
    Message{"attachment.not_found", "附件不存在", "No such file"},
    Message{"attachment.missing", "附件文件已丢失，请联系系统管理员", "The file is missing; contact the administrator"},
    Message{"attachment.invalid_name", "文件名无效", "Invalid file name"},
    Message{"attachment.empty", "文件为空", "The file is empty"},
    Message{"attachment.too_large", "文件不能超过 20 MiB", "A file can be at most 20 MiB"},
    Message{"attachment.too_many", "一次最多附 20 个文件", "At most 20 files at a time"},
    Message{"attachment.type_not_allowed", "只能上传 PDF、图片（PNG/JPG）或 Word/Excel/PPT 文件",
            "Only PDF, PNG/JPG images and Word/Excel/PowerPoint files are accepted"},
    Message{"attachment.write_failed", "文件保存失败，请稍后重试", "The file could not be saved; try again later"},
    Message{"notification.not_found", "消息不存在", "No such notification"},
    Message{"bulletin.not_found", "情况通报不存在", "No such bulletin"},
    Message{"bulletin.invalid_period", "统计期间无效：起止日期应为有效日期，且不超过一年",
            "Invalid period: valid dates, the start first, at most a year"},
    Message{"bulletin.invalid_title", "通报标题不能为空，且不超过 100 个字", "The title is required (at most 100 characters)"},
    Message{"bulletin.not_owner", "只有发出通报的组织可以发布或删除", "Only the org that made it may publish or delete it"},
    Message{"bulletin.already_published", "通报已发布，不能再修改", "The bulletin is published and can no longer change"},
    Message{"agreement.not_found", "共建协议不存在", "No such co-building agreement"},
    Message{"agreement.org_not_found", "签约组织不存在", "No such organisation"},
    Message{"agreement.invalid_org", "共建协议应由街道或社区党组织签订", "An agreement is signed by a street or community Party organisation"},
    Message{"agreement.invalid_title", "协议名称不能为空，且不超过 100 个字", "The title is required (at most 100 characters)"},
    Message{"agreement.invalid_person", "请填写各方负责人和联络员（不超过 50 个字）",
            "Each party's responsible head and liaison are required (at most 50 characters)"},
    Message{"agreement.invalid_date", "日期应为 YYYY-MM-DD 格式的有效日期", "Dates must be valid YYYY-MM-DD dates"},
    Message{"agreement.end_before_start", "协议结束日期不能早于开始日期", "The term cannot end before it starts"},
    Message{"agreement.term_too_long", "协议期限不能超过 10 年", "The term can be at most 10 years"},
    Message{"agreement.no_party", "请至少选择一个驻区单位（最多 20 个）", "Choose at least one resident unit (at most 20)"},
    Message{"agreement.duplicate_unit", "同一驻区单位不能重复列为签约方", "A unit can be a party only once"},
    Message{"agreement.unit_not_found", "驻区单位不存在", "No such resident unit"},
    Message{"agreement.unit_outside_territory", "驻区单位不在签约组织的辖区内",
            "The unit is not located in the signing organisation's territory"},
    Message{"agreement.unit_archived", "驻区单位已注销", "The unit is archived"},
    Message{"agreement.invalid_commitment", "共建承诺无效：类型、频次、内容（不超过 500 字）和数量（正整数）均须填写",
            "Invalid commitment: kind, rhythm, description (at most 500 characters) and a positive quantity are required"},
    Message{"agreement.invalid_report", "该季度报告不属于本协议", "That report does not belong to this agreement"},
    Message{"agreement.report_filed", "该季度报告已提交", "That report has already been filed"},
    Message{"agreement.report_not_open", "该季度尚未开始，不能提前提交报告", "That quarter has not started yet"},
    Message{"agreement.invalid_text", "内容不能为空，且不超过 5000 个字", "The text is required (at most 5000 characters)"},
    Message{"agreement.invalid_quantity", "数量应为正整数", "The quantity must be a positive whole number"},
    Message{"agreement.delivery_outside_term", "兑现日期应在协议期限内，且不晚于今天",
            "The delivery date must lie within the term and not after today"},
    Message{"agreement.invalid_reason", "请填写终止原因（不超过 500 个字）", "Give the reason for terminating (at most 500 characters)"},
    Message{"agreement.wrong_state", "协议已到期或已终止，不能执行此操作", "The agreement has ended or was terminated"},
    Message{"agreement.already_renewed", "该协议已续签", "The agreement has already been renewed"},
    Message{"agreement.renewal_overlaps", "续签协议应在原协议结束后开始", "A renewal starts after the agreement it renews ends"},
};

std::string_view KindFallbackCode(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidArgument:
      return "request.invalid_argument";
    case ErrorKind::kUnauthenticated:
      return "auth.unauthenticated";
    case ErrorKind::kPermissionDenied:
      return "auth.permission_denied";
    case ErrorKind::kNotFound:
      return "request.not_found";
    case ErrorKind::kMethodNotAllowed:
      return "request.method_not_allowed";
    case ErrorKind::kConflict:
      return "request.invalid_argument";
    case ErrorKind::kPayloadTooLarge:
      return "request.body_too_large";
    case ErrorKind::kHeaderTooLarge:
      return "request.header_too_large";
    case ErrorKind::kRateLimited:
      return "request.rate_limited";
    case ErrorKind::kUnavailable:
      return "server.unavailable";
    case ErrorKind::kStorageFull:
      return "server.storage_full";
    case ErrorKind::kInternal:
      return "server.internal";
  }
  return "server.internal";
}

const Message* FindMessage(std::string_view code) {
  for (const Message& message : kMessages) {
    if (message.code == code) return &message;
  }
  return nullptr;
}

}  // namespace

status::status StatusOf(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidArgument:
      return status::status::bad_request;
    case ErrorKind::kUnauthenticated:
      return status::status::unauthorized;
    case ErrorKind::kPermissionDenied:
      return status::status::forbidden;
    case ErrorKind::kNotFound:
      return status::status::not_found;
    case ErrorKind::kMethodNotAllowed:
      return status::status::method_not_allowed;
    case ErrorKind::kConflict:
      return status::status::conflict;
    case ErrorKind::kPayloadTooLarge:
      return status::status::payload_too_large;
    case ErrorKind::kHeaderTooLarge:
      return status::status::request_header_fields_too_large;
    case ErrorKind::kRateLimited:
      return status::status::too_many_requests;
    case ErrorKind::kUnavailable:
      return status::status::service_unavailable;
    case ErrorKind::kStorageFull:
      return status::status::insufficient_storage;
    case ErrorKind::kInternal:
      return status::status::internal_server_error;
  }
  return status::status::internal_server_error;
}

std::string_view ErrorMessage(std::string_view code, ErrorKind kind, Language language) {
  const Message* message = FindMessage(code);
  if (message == nullptr) message = FindMessage(KindFallbackCode(kind));
  return language == Language::kEnglish ? message->english : message->chinese;
}

Response ErrorResponse(const core::AppError& error, Language language, std::string_view request_id) {
  boost::json::object body;
  boost::json::object details{
      {"code", error.code()},
      {"message", ErrorMessage(error.code(), error.kind(), language)},
      {"request_id", request_id},
  };
  if (!error.field().empty()) details["field"] = error.field();
  body["error"] = std::move(details);
  return Json(StatusOf(error.kind()), body);
}

}  // namespace liandong::http
