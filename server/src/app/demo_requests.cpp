#include "app/demo_requests.hpp"

#include <functional>
#include <memory>
#include <string_view>

#include "core/crypto.hpp"

namespace liandong::app {

void SeedDemoAgencies(const Application& application, db::Session& session,
                      const std::map<std::string, org::Org>& streets, std::vector<DemoLogin>& logins) {
  const struct {
    const char* name;
    const char* kind;
    std::vector<const char*> streets;  // the first one's district stations it
  } agencies[] = {
      {"和平派出所", "police_station", {"和平街道"}},
      {"胜利派出所", "police_station", {"胜利街道"}},
      {"东城区城管执法队", "urban_management", {"和平街道", "胜利街道"}},
      {"东城区市场监管所", "market_supervision", {"和平街道", "胜利街道"}},
      {"东城区房管所", "housing", {"和平街道", "胜利街道"}},
      {"光明派出所", "police_station", {"光明街道"}},
      {"西城区城管执法队", "urban_management", {"光明街道", "团结街道"}},
  };
  soci::session& sql = session.sql();
  std::map<std::string, std::int64_t> agency_ids;
  for (const auto& agency : agencies) {
    const org::Org& first = streets.at(agency.streets.front());
    org::NewOrg new_org;
    new_org.parent_id = first.parent_id;
    new_org.level = "agency";
    new_org.kind = "branch";
    new_org.name = agency.name;
    const org::Org created = application.org_service().SeedOrg(session, new_org);
    std::vector<std::int64_t> street_ids;
    for (const char* street : agency.streets) street_ids.push_back(streets.at(street).id);
    application.request_service().SeedAgency(sql, created.id, agency.kind, street_ids);
    agency_ids.emplace(agency.name, created.id);
  }
  const auth::AuthService& auth = application.auth_service();
  const std::int64_t city_id = *application.org_service().RootOrgId(sql);
  const struct {
    const char* role;
    const char* username;
    const char* display_name;
    const char* account_role;
    std::int64_t org_id;
  } users[] = {
      {"hotline", "hotline.operator", "12345热线受理员", "hotline_operator", city_id},
      {"agency", "police.staff", "和平派出所民警", "agency_staff", agency_ids.at("和平派出所")},
  };
  for (const auto& user : users) {
    DemoLogin login{user.role, user.username, core::RandomPassword()};
    auth.CreateUser(sql,
                    auth::NewUser{user.org_id, user.username, user.display_name, user.account_role, login.password});
    logins.push_back(std::move(login));
  }
}

}  // namespace liandong::app

namespace liandong::app {
namespace {

// The squad's 清运记录, a one-page PDF: the demo's evidence on a request's step.
constexpr std::string_view kGarbageRecordPdf = R"pdf(%PDF-1.4
1 0 obj
<< /Type /Catalog /Pages 2 0 R >>
endobj
2 0 obj
<< /Type /Pages /Kids [3 0 R] /Count 1 >>
endobj
3 0 obj
<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 297] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>
endobj
4 0 obj
<< /Length 126 >>
stream
BT /F1 14 Tf 40 240 Td (Heping Li garbage station: cleared, photo record) Tj 0 -24 Td (Dongcheng urban management squad) Tj ET
endstream
endobj
5 0 obj
<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>
endobj
xref
0 6
0000000000 65535 f 
0000000009 00000 n 
0000000058 00000 n 
0000000115 00000 n 
0000000241 00000 n 
0000000418 00000 n 
trailer
<< /Size 6 /Root 1 0 R >>
startxref
488
%%EOF
)pdf";

// The records of the requests' story, kept for the story's lifetime.
struct RequestStory {
  RequestStory(DemoStory& story, Application& application) : story(story), application(application) {}

  DemoStory& story;
  Application& application;
  std::map<std::string, std::int64_t> categories;  // code → id
  std::map<std::string, std::int64_t> requests;    // the story's name for each → id
  std::string partner_key;                         // the api_key of 东城区网格化管理平台 (Open311)

  const request::RequestService& service() const { return application.request_service(); }

  // Looks up the categories, and gives the orgs without a demo login a staff user each.
  void Prepare() {
    {
      db::Session session(application.database());
      long long id = 0;
      std::string code;
      soci::statement codes =
          (session.sql().prepare << "SELECT id, code FROM request_category", soci::into(id), soci::into(code));
      if (codes.execute(true)) {
        do {
          categories.emplace(code, id);
        } while (codes.fetch());
      }
    }
    story.AddStaff("东风社区", "dongfeng.staff", "东风社区工作人员", "community_admin");
    story.AddStaff("建设社区", "jianshe.staff", "建设社区工作人员", "community_admin");
    story.AddStaff("胜利街道", "shengli.staff", "胜利街道工作人员", "street_admin");
    story.AddStaff("东城区城管执法队", "urban.staff", "城管执法队员", "agency_staff");
    story.AddStaff("东城区房管所", "housing.staff", "房管所工作人员", "agency_staff");
    story.AddStaff("东城区市场监管所", "market.staff", "市场监管所工作人员", "agency_staff");
  }
};

}  // namespace

void ScheduleDemoRequests(DemoStory& story, Application& application) {
  auto s = std::make_shared<RequestStory>(story, application);
  story.At(30, 8, 0, [s] { s->Prepare(); });

  // A request taken by the hotline (or by `who`, for itself), remembered as `name`.
  const auto take = [s](int days_ago, int hour, int minute, std::string name, std::string who, std::string code,
                        std::string territory, std::string title, std::string description, std::string resident,
                        std::string phone, std::string address) {
    s->story.At(days_ago, hour, minute, [=] {
      s->story.Act(who, [&](const core::Actor& actor) {
        request::NewRequest input;
        input.channel = who == "hotline" ? "hotline" : "street";
        input.category_id = s->categories.at(code);
        input.title = title;
        input.description = description;
        input.address = address;
        input.resident_name = resident;
        input.resident_phone = phone;
        input.territory_org_id = s->story.OrgId(territory);
        if (who != "hotline") input.owner_org_id = actor.org_id;
        s->requests[name] = s->service().Create(actor, input).id;
      });
    });
  };
  // A step of `who` on request `name`.
  using Step = std::function<void(const request::RequestService&, const core::Actor&, std::int64_t)>;
  const auto step = [s](int days_ago, int hour, int minute, std::string who, std::string name, Step action) {
    s->story.At(days_ago, hour, minute, [=] {
      s->story.Act(who, [&](const core::Actor& actor) { action(s->service(), actor, s->requests.at(name)); });
    });
  };
  const auto sign = [](const request::RequestService& r, const core::Actor& a, std::int64_t id) { r.Sign(a, id); };
  const auto contact = [](std::string text) {
    return [text](const request::RequestService& r, const core::Actor& a, std::int64_t id) { r.Contact(a, id, text); };
  };
  const auto reply = [](std::string text) {
    return [text](const request::RequestService& r, const core::Actor& a, std::int64_t id) { r.Reply(a, id, text); };
  };
  const auto rate = [](std::string satisfaction, bool resolved, std::string text) {
    return [=](const request::RequestService& r, const core::Actor& a, std::int64_t id) {
      r.Rate(a, id, satisfaction, resolved, text);
    };
  };
  const auto to = [s](std::string owner, std::string text, bool as_return) {
    return [=](const request::RequestService& r, const core::Actor& a, std::int64_t id) {
      if (as_return) {
        r.Return(a, id, s->story.OrgId(owner), text);
      } else {
        r.Dispatch(a, id, s->story.OrgId(owner), text);
      }
    };
  };

  // 物业: 和平里社区 handles it in a day; the resident is satisfied.
  take(28, 9, 10, "property", "hotline", "03.01.01", "和平里社区", "物业长期不打扫楼道",
       "来电人反映和平里小区5号楼楼道两周无人打扫，垃圾堆积有异味，多次找物业未果。", "王秀英", "13812345678",
       "和平里小区5号楼");
  step(28, 9, 40, "community", "property", sign);
  step(28, 10, 30, "community", "property", contact("已电话联系王女士，约物业经理明日上门"));
  step(27, 15, 0, "community", "property", reply("已督促物业完成5号楼楼道保洁，并建立每日保洁台账，社区每周抽查。"));
  step(26, 10, 0, "hotline", "property", rate("satisfied", true, "居民表示楼道已干净"));

  // 噪声: routed to 和平派出所 by the leaf.
  take(26, 19, 30, "noise", "hotline", "01.01.01", "东风社区", "楼上邻居深夜噪声扰民",
       "来电人反映东风小区12号楼楼上住户每晚11点后仍有拖动家具声，影响休息。", "李建国", "13911112222",
       "东风小区12号楼");
  step(26, 20, 0, "agency", "noise", sign);
  step(26, 20, 20, "agency", "noise", contact("民警已电话回复来电人，当晚上门劝导"));
  step(25, 11, 0, "agency", "noise", reply("民警上门对楼上住户进行了批评教育，住户承诺晚10点后不再产生噪声。"));
  step(24, 9, 30, "hotline", "noise", rate("basically_satisfied", true, "近两天安静了，希望持续"));

  // 垃圾清运: the urban management squad, within the day.
  take(22, 10, 0, "garbage", "hotline", "08.01.01", "和平里社区", "垃圾站两天未清运",
       "来电人反映和平里垃圾站已两天无人清运，垃圾外溢，气味很大。", "张丽", "13700001111", "和平里垃圾站");
  step(22, 10, 20, "东城区城管执法队", "garbage", sign);
  step(22, 10, 40, "东城区城管执法队", "garbage", contact("已联系来电人，清运车辆今日下午到场"));
  step(22, 15, 30, "东城区城管执法队", "garbage",
       [](const request::RequestService& r, const core::Actor& a, std::int64_t id) {
         const attachment::Attachment record = r.Attach(a, id, "垃圾站清运记录.pdf", kGarbageRecordPdf);
         r.AddNote(a, id, "清运车辆15时到场，清运垃圾约3吨，附清运记录", {record.id});
       });
  step(22, 16, 0, "东城区城管执法队", "garbage", reply("已协调环卫公司完成清运，并将该点位清运频次调整为每日两次。"));
  step(21, 10, 0, "hotline", "garbage", rate("satisfied", true, ""));

  // 退回: 和平里社区 returns it naming 和平街道, which dispatches it to the squad.
  take(15, 9, 0, "clutter", "hotline", "03.02.05", "和平里社区", "多个小区楼道堆放杂物",
       "来电人反映和平里片区多个老旧小区楼道堆放杂物、电动车，存在消防隐患。", "赵志强", "13655556666",
       "和平里片区老旧小区");
  step(15, 9, 30, "community", "clutter", to("和平街道", "涉及片区内多个无物业小区，需街道统筹执法力量清理", true));
  step(15, 10, 0, "street", "clutter", sign);
  step(15, 10, 20, "street", "clutter", to("东城区城管执法队", "请城管执法队牵头，社区配合入户宣传", false));
  step(15, 10, 50, "东城区城管执法队", "clutter", sign);
  step(15, 11, 30, "东城区城管执法队", "clutter", contact("已联系来电人，约定本周集中清理"));
  step(13, 15, 0, "东城区城管执法队", "clutter",
       reply("会同社区清理楼道杂物12处、劝离电动车30余辆，张贴消防安全提示。"));
  step(12, 9, 30, "hotline", "clutter", rate("satisfied", true, "清理得很彻底"));

  // 延期: 东城区房管所 asks two more days, 东城区 approves.
  take(12, 14, 0, "heating", "hotline", "04.01.01", "东风社区", "家中暖气温度只有14度",
       "来电人反映东风小区3号楼家中室温仅14度，老人怕冷，供热公司一直未处理。", "孙桂兰", "010-64001234",
       "东风小区3号楼");
  step(12, 14, 30, "东城区房管所", "heating", sign);
  step(12, 15, 0, "东城区房管所", "heating", contact("已联系来电人，明日上门测温"));
  step(12, 16, 0, "东城区房管所", "heating",
       [](const request::RequestService& r, const core::Actor& a, std::int64_t id) {
         r.AskExtension(a, id, 2, "经测温为管线阀门故障，需停热更换阀门，配件两日内到货");
       });
  step(12, 17, 0, "district", "heating", [](const request::RequestService& r, const core::Actor& a, std::int64_t id) {
    r.DecideExtension(a, id, r.Get(a, id).extensions.back().id, true, "同意延期两天，请做好老人临时取暖");
  });
  step(10, 11, 0, "东城区房管所", "heating", reply("已更换3号楼供热阀门，复测室温20度，供热公司承诺加强巡检。"));
  step(9, 10, 0, "hotline", "heating", rate("satisfied", true, ""));

  // 重办: the resident is unsatisfied; reopened once, then satisfied.
  take(10, 9, 0, "lift", "hotline", "07.01.02", "建设社区", "电梯频繁故障停运",
       "来电人反映建设小区8号楼电梯本月已停运4次，家中有行动不便老人。", "周海", "13566667777", "建设小区8号楼");
  step(10, 9, 10, "东城区市场监管所", "lift", sign);
  step(10, 9, 20, "东城区市场监管所", "lift", contact("已联系来电人，维保单位正在赶往现场"));
  step(10, 10, 30, "东城区市场监管所", "lift", reply("维保单位已修复电梯门锁故障，电梯恢复运行。"));
  step(9, 9, 0, "hotline", "lift", rate("unsatisfied", false, "电梯昨晚又停了"));
  step(9, 9, 5, "hotline", "lift", [](const request::RequestService& r, const core::Actor& a, std::int64_t id) {
    r.Reopen(a, id, "居民反映修复后当晚再次停运，要求彻底检修");
  });
  step(9, 9, 30, "东城区市场监管所", "lift", sign);
  step(9, 9, 40, "东城区市场监管所", "lift", contact("已向来电人致歉，安排特种设备检验"));
  step(8, 10, 0, "东城区市场监管所", "lift",
       reply("经检验更换主板和门机，责令维保单位每周巡检，已连续运行48小时无故障。"));
  step(7, 9, 0, "hotline", "lift", rate("satisfied", true, "这次修好了"));

  // 超时: 建设社区 signs and contacts but has not replied: warned, then escalated to 和平街道.
  take(9, 10, 0, "elderly", "hotline", "13.01.02", "建设社区", "养老驿站助餐服务停了",
       "来电人反映建设社区养老驿站助餐服务已停一周，独居老人吃饭困难。", "吴秀珍", "13488889999", "建设社区养老驿站");
  step(9, 11, 0, "建设社区", "elderly", sign);
  step(9, 15, 0, "建设社区", "elderly", contact("已联系来电人，正在与驿站运营方协商恢复助餐"));

  // 街道受理: a resident comes to 和平街道, which takes and handles it itself.
  take(6, 10, 0, "lamp", "street", "12.02.01", "和平里社区", "小区路灯不亮",
       "居民到街道反映和平里小区主路路灯不亮已一周，夜间出行不便。", "郑伟", "13322223333", "和平里小区主路");
  step(5, 16, 0, "street", "lamp", reply("已协调路灯管理所更换灯具，主路照明恢复。"));
  step(4, 10, 0, "street", "lamp", rate("satisfied", true, ""));

  // 低保: 胜利街道's own.
  take(5, 9, 0, "allowance", "hotline", "14.01.01", "胜利社区", "咨询低保申请条件",
       "来电人失业半年，家中有病人，咨询如何申请最低生活保障。", "冯小梅", "13244445555", "胜利社区");
  step(5, 9, 30, "胜利街道", "allowance", sign);
  step(5, 10, 0, "胜利街道", "allowance", contact("已电话告知申请条件和所需材料"));
  step(3, 15, 0, "胜利街道", "allowance", reply("已指导来电人提交低保申请材料，街道已受理并入户调查。"));
  step(2, 10, 0, "hotline", "allowance", rate("satisfied", true, "街道很热心"));

  // Awaiting the resident's rating.
  take(4, 20, 0, "dance", "hotline", "01.01.03", "和平里社区", "广场舞音响太吵",
       "来电人反映和平里公园广场舞每晚音响音量过大，持续到晚上九点半。", "钱芳", "13155556666", "和平里公园");
  step(4, 20, 20, "agency", "dance", sign);
  step(4, 20, 40, "agency", "dance", contact("民警已到场劝导降低音量"));
  step(3, 10, 0, "agency", "dance",
       reply("已与广场舞队伍负责人约定音量上限和结束时间（晚8点半），社区志愿者每晚巡查。"));

  // Awaiting sign-for today.
  take(1, 15, 0, "parking", "hotline", "02.01.01", "和平里社区", "小区车位不足停车难",
       "来电人反映和平里小区车位严重不足，晚上车辆停满消防通道。", "何军", "13066667777", "和平里小区");
  take(0, 9, 30, "stall", "hotline", "08.04.01", "胜利社区", "路口占道经营",
       "来电人反映胜利路口早市摊贩占用人行道和非机动车道。", "许明", "18611112222", "胜利路口");

  // Open311: the city issues 东城区网格化管理平台 its key; the grid platform files what its patrols
  // and residents report, with the attributes the leaf asks for.
  story.At(20, 9, 0, [s] {
    s->story.Act("city", [&](const core::Actor& actor) {
      s->partner_key = s->application.open311_service()
                           .CreatePartner(actor, {"东城区网格化管理平台", s->story.OrgId("东城区")})
                           .api_key;
    });
  });
  const auto post = [s](int days_ago, int hour, int minute, std::string name, open311::NewServiceRequest input) {
    s->story.At(days_ago, hour, minute, [=] {
      const open311::Open311Service& open311 = s->application.open311_service();
      const open311::PartnerActor partner = open311.Authenticate(s->partner_key, "127.0.0.1", "demo-open311");
      open311::NewServiceRequest filed = input;
      filed.address_id = std::to_string(s->story.OrgId(input.address_id));  // the org's name, as the story says
      s->requests[name] = open311.Post(partner, filed).service_request_id;
    });
  };
  open311::NewServiceRequest trapped;
  trapped.service_code = "07.01.01";
  trapped.address_id = "东风社区";
  trapped.address_string = "东风小区7号楼1单元";
  trapped.description = "网格员巡查时接居民求助：7号楼1单元电梯停在3楼与4楼之间，轿厢内有一名老人。";
  trapped.last_name = "陈";
  trapped.first_name = "淑芬";
  trapped.phone = "13698765432";
  trapped.attributes = {{"LIFT_NO", "7号楼1单元"}, {"TRAPPED", "1"}};
  post(6, 18, 5, "trapped", trapped);
  step(6, 18, 12, "东城区市场监管所", "trapped", sign);
  step(6, 18, 15, "东城区市场监管所", "trapped", contact("已通知维保单位赶赴现场，同时电话安抚被困老人"));
  step(6, 18, 50, "东城区市场监管所", "trapped", reply("维保人员18:40到场救出被困老人，老人无恙；电梯停用待检。"));
  step(5, 10, 0, "district", "trapped", rate("satisfied", true, "来得很快"));  // the first receiver calls back
  open311::NewServiceRequest cold;
  cold.service_code = "04.01.01";
  cold.address_id = "和平里社区";
  cold.address_string = "和平里小区9号楼";
  cold.description = "网格员入户走访发现9号楼顶层多户室温偏低，住户反映供热后一直不热。";
  cold.attributes = {{"ROOM_TEMP", "15.5"}};
  post(1, 10, 30, "cold", cold);
  step(1, 11, 0, "东城区房管所", "cold", sign);
}

}  // namespace liandong::app
