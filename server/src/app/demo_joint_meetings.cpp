#include "app/demo_joint_meetings.hpp"

#include <map>
#include <memory>
#include <string>

namespace liandong::app {
namespace {

struct JointMeetingStory {
  JointMeetingStory(DemoStory& story, Application& application) : story(story), application(application) {}

  DemoStory& story;
  Application& application;
  std::map<std::string, std::int64_t> records;  // the story's name for each meeting or resolution → id

  const joint_meeting::JointMeetingService& service() const { return application.joint_meeting_service(); }
};

joint_meeting::AttendeeFields Present(std::string name, std::string post, std::optional<std::int64_t> unit = {}) {
  return {std::move(name), unit, std::move(post), true, ""};
}

joint_meeting::AttendeeFields Absent(std::string name, std::string post, std::string reason,
                                     std::optional<std::int64_t> unit = {}) {
  return {std::move(name), unit, std::move(post), false, std::move(reason)};
}

}  // namespace

void ScheduleDemoJointMeetings(DemoStory& story, Application& application) {
  auto s = std::make_shared<JointMeetingStory>(story, application);
  // `who` convenes a meeting of its own org, held `meeting_days_ago` days before the end (negative: ahead).
  const auto convene = [s](int days_ago, std::string name, std::string who, int meeting_days_ago, std::string title,
                           std::string place, std::string agenda) {
    s->story.At(days_ago, 10, 0, [=] {
      s->story.Act(who, [&](const core::Actor& actor) {
        s->records[name] = s->service()
                               .Create(actor, {actor.org_id, {title, s->story.Date(-meeting_days_ago), place, agenda}})
                               .meeting.id;
      });
    });
  };
  const auto minutes = [s](int days_ago, std::string who, std::string name, std::string text,
                           std::vector<joint_meeting::AttendeeFields> attendees) {
    s->story.At(days_ago, 17, 0, [=] {
      s->story.Act(who, [&](const core::Actor& actor) {
        s->service().RecordMinutes(actor, s->records.at(name), {text, attendees});
      });
    });
  };
  const auto resolve = [s](int days_ago, std::string who, std::string meeting, std::string name, std::string text,
                           int deadline_days_ahead, std::vector<std::string> orgs) {
    s->story.At(days_ago, 17, 30, [=] {
      s->story.Act(who, [&](const core::Actor& actor) {
        std::vector<std::int64_t> org_ids;
        for (const std::string& org : orgs) org_ids.push_back(s->story.OrgId(org));
        s->records[name] =
            s->service()
                .AddResolution(actor, s->records.at(meeting), {text, s->story.Date(deadline_days_ahead), org_ids})
                .id;
      });
    });
  };
  const auto issue = [s](int days_ago, std::string who, std::string resolution) {
    s->story.At(days_ago, 9, 0, [=] {
      s->story.Act(who, [&](const core::Actor& actor) {
        s->service().IssueTask(actor, s->records.at(resolution), std::nullopt);
      });
    });
  };

  const std::int64_t hospital = story.UnitId("东城区第一人民医院");
  const std::int64_t tech = story.UnitId("和平科技有限公司");
  const std::int64_t power = story.UnitId("国网东城供电公司和平营业厅");

  convene(50, "q3", "street", 44, "和平街道大工委第三季度联席会议", "和平街道党群服务中心二楼会议室",
          "一、通报第三季度共建项目和“双报到”工作情况\n二、研究老旧小区加装电梯摸排工作\n"
          "三、协调驻区单位开放活动场地");
  minutes(44, "street", "q3",
          "会议由街道党工委书记主持。会议通报了第三季度共建项目进展和在职党员报到服务情况；"
          "讨论了居民反映集中的老旧小区加装电梯问题，议定由和平里社区、东风社区牵头摸排；"
          "和平科技有限公司表示可开放职工活动室供社区议事使用。",
          {Present("李红", "兼职副书记", hospital), Present("张伟", "兼职委员", tech),
           Absent("陈明", "兼职委员", "参加迎峰度夏保供电任务", power), Present("刘建国", "和平里社区党委书记"),
           Present("赵敏", "东风社区党委书记")});
  resolve(44, "street", "q3", "lift", "和平里社区、东风社区牵头摸排辖区老旧小区加装电梯意愿，形成分楼栋工作方案", 20,
          {"和平里社区", "东风社区"});
  resolve(44, "street", "q3", "room", "协调和平科技有限公司每周开放职工活动室两个半天，作为和平里社区居民议事场所", 30,
          {"和平里社区"});
  issue(43, "street", "lift");

  convene(20, "hepingli", "community", 15, "和平里社区大党委联席会议", "和平里社区党群服务站",
          "一、共建单位认领居民微心愿\n二、安排冬季供暖入户走访");
  minutes(
      15, "community", "hepingli",
      "会议由社区党委书记主持，共建单位认领微心愿6个；议定入户走访分组，由网格员和报到党员结对开展。",
      {Present("刘建国", "社区党委书记"), Present("李红", "兼职委员", hospital), Present("王芳", "网格党支部书记")});

  convene(3, "q4", "street", -7, "和平街道大工委第四季度联席会议", "和平街道党群服务中心二楼会议室",
          "一、总结全年共建工作\n二、听取驻区单位对社区的评价意见\n三、研究明年共建项目清单");
}

}  // namespace liandong::app
