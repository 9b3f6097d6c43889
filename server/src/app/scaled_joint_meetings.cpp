#include "app/scaled_joint_meetings.hpp"

#include <array>
#include <string>
#include <vector>

#include "app/scaled_random.hpp"
#include "core/china_date.hpp"

namespace liandong::app {
namespace {

constexpr std::array<const char*, 8> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄"};
constexpr std::array<const char*, 8> kGivenNames = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋"};
constexpr std::array<const char*, 4> kPosts = {"兼职委员", "驻区单位党组织书记", "社区党委书记", "列席"};
constexpr std::array<const char*, 4> kAgendas = {
    "一、通报共建项目进展\n二、研究居民诉求集中问题", "一、听取驻区单位共建情况汇报\n二、安排志愿服务",
    "一、研究老旧小区改造\n二、协调驻区单位开放场地", "一、总结季度工作\n二、研究下季度共建项目"};
constexpr std::array<const char*, 4> kResolutions = {
    "牵头摸排辖区居民诉求，形成问题清单和整改方案", "组织在职党员开展入户走访，建立困难群众台账",
    "协调驻区单位开放活动场地，每周不少于两个半天", "落实老旧小区加装电梯意愿征询，按楼栋形成工作方案"};
constexpr const char* kMinutes = "会议由党组织书记主持，与会人员听取了工作汇报，讨论并形成决议。";

std::vector<joint_meeting::AttendeeFields> Attendees(Random& random, int count) {
  std::vector<joint_meeting::AttendeeFields> attendees;
  for (int i = 0; i < count; ++i) {
    joint_meeting::AttendeeFields attendee;
    attendee.person_name = std::string(random.Pick(kSurnames)) + random.Pick(kGivenNames);
    attendee.post = random.Pick(kPosts);
    attendee.present = random.Below(10) != 0;
    if (!*attendee.present) attendee.absence_reason = "因公外出";
    attendees.push_back(std::move(attendee));
  }
  return attendees;
}

}  // namespace

std::int64_t AddScaledJointMeetings(const Application& application, db::Session& session, const RequestCity& city,
                                    std::int64_t created_by, std::int64_t now, std::uint64_t seed) {
  soci::session& sql = session.sql();
  const joint_meeting::JointMeetingService& service = application.joint_meeting_service();
  Random random(seed);
  const std::string today = core::ChinaDate(now);
  std::int64_t count = 0;
  // A held meeting of `org` `days_ago` days ago, with resolutions for some of `below`.
  const auto held = [&](std::int64_t org, const std::string& title, int days_ago, int attendees,
                        const std::vector<std::int64_t>& below) {
    const std::string on = core::AddDays(today, -days_ago);
    const std::int64_t at = core::ChinaDayStart(on) + 9 * 3600;
    const std::int64_t id = service.SeedMeeting(sql, {org, {title, on, "党群服务中心会议室", random.Pick(kAgendas)}},
                                                created_by, at - 7 * 86400);
    service.SeedMinutes(sql, id, {kMinutes, Attendees(random, attendees)}, at + 8 * 3600);
    ++count;
    if (below.empty()) return;
    for (int r = 0; r < 2; ++r) {
      std::vector<std::int64_t> responsible;
      const int named = 1 + random.Below(3);
      const std::size_t first = static_cast<std::size_t>(random.Below(static_cast<int>(below.size())));
      for (int k = 0; k < named && static_cast<std::size_t>(k) < below.size(); ++k) {
        responsible.push_back(below[(first + static_cast<std::size_t>(k)) % below.size()]);
      }
      service.SeedResolution(sql, id, {random.Pick(kResolutions), core::AddDays(on, 30 + 30 * r), responsible},
                             at + 8 * 3600);
    }
  };
  for (const RequestCity::District& district : city.districts) {
    for (const RequestCity::Street& street : district.streets) {
      for (int quarter = 0; quarter < 4; ++quarter) {
        const int days_ago = 365 - quarter * 91 - random.Below(30);
        held(street.id, "大工委第" + std::to_string(quarter + 1) + "次联席会议", days_ago, 8, street.communities);
        for (const std::int64_t community : street.communities) {
          held(community, "大党委第" + std::to_string(quarter + 1) + "次联席会议", days_ago - random.Below(20), 6, {});
        }
      }
      const std::string next = core::AddDays(today, 3 + random.Below(25));
      service.SeedMeeting(sql, {street.id, {"大工委季度联席会议", next, "党群服务中心会议室", random.Pick(kAgendas)}},
                          created_by, now);
      ++count;
    }
  }
  return count;
}

}  // namespace liandong::app
