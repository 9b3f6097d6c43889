#include "app/demo_key_enterprises.hpp"

#include <map>
#include <memory>
#include <string>

namespace liandong::app {
namespace {

struct KeyEnterpriseStory {
  KeyEnterpriseStory(DemoStory& story, Application& application) : story(story), application(application) {}

  DemoStory& story;
  Application& application;
  std::map<std::string, std::int64_t> records;  // the story's name for each enterprise or issue → id

  const key_enterprise::KeyEnterpriseService& service() const { return application.key_enterprise_service(); }
};

}  // namespace

void ScheduleDemoKeyEnterprises(DemoStory& story, Application& application) {
  auto s = std::make_shared<KeyEnterpriseStory>(story, application);
  // `who` (a street) lists the unit with `agency`, remembered as `name`.
  const auto list = [s](int days_ago, std::string name, std::string who, std::string unit, std::string agency,
                        std::string reason) {
    s->story.At(days_ago, 9, 30, [=] {
      s->story.Act(who, [&](const core::Actor& actor) {
        s->records[name] =
            s->service()
                .Create(actor, {s->story.UnitId(unit), actor.org_id, s->story.OrgId(agency), reason})
                .id;
      });
    });
  };
  // An entry by `who` on the enterprise `name`; an issue is remembered as `issue` when given.
  const auto note = [s](int days_ago, std::string who, std::string name, std::string kind, std::string text,
                        std::string issue = "") {
    s->story.At(days_ago, 15, 0, [=] {
      s->story.Act(who, [&](const core::Actor& actor) {
        const std::int64_t id =
            s->service().AddEntry(actor, s->records.at(name), {kind, s->story.Date(-days_ago), text}).id;
        if (!issue.empty()) s->records[issue] = id;
      });
    });
  };
  const auto resolve = [s](int days_ago, std::string who, std::string issue, std::string text) {
    s->story.At(days_ago, 16, 0, [=] {
      s->story.Act(who, [&](const core::Actor& actor) { s->service().Resolve(actor, s->records.at(issue), text); });
    });
  };

  list(38, "heping_tech", "street", "和平科技有限公司", "和平派出所", "规模以上软件企业、重点税源，治安保卫重点单位");
  note(36, "street", "heping_tech", "visit",
       "街道党工委副书记带队走访，了解企业党建和用工情况，企业计划年内扩招50人。");
  note(31, "agency", "heping_tech", "visit", "派出所社区民警上门开展内部安全检查，消防通道畅通，监控运行正常。");
  note(25, "agency", "heping_tech", "issue", "企业反映园区夜间照明不足，员工下班途中存在安全隐患。", "lighting");
  resolve(18, "street", "lighting", "街道协调市政部门在园区道路加装路灯12盏，已于本周投入使用。");
  note(12, "street", "heping_tech", "visit", "回访企业，照明问题已解决；企业党支部申请与和平里社区结对共建。");
  note(4, "street", "heping_tech", "issue", "早晚高峰园区门口车辆乱停，影响通行，请派出所协助疏导。", "parking");

  // 胜利街道's background user, shared with the whistles' story (which adds it later otherwise).
  s->story.At(35, 9, 0, [s] { s->story.AddStaff("胜利街道", "shengli.whistle", "胜利街道应急值班", "street_admin"); });
  list(35, "shengli_tech", "胜利街道", "胜利科技发展有限公司", "东城区城管执法队",
       "重点税源企业，周边市容环境重点点位");
  note(33, "胜利街道", "shengli_tech", "visit", "街道走访企业，宣讲营商环境政策，收集企业诉求3条。");
  note(20, "squad", "shengli_tech", "visit", "执法队到企业周边巡查，门前三包责任落实到位。");
}

}  // namespace liandong::app
