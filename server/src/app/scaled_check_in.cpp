#include "app/scaled_check_in.hpp"

#include <map>
#include <string>
#include <vector>

#include "app/scaled_random.hpp"
#include "core/china_date.hpp"
#include "db/bulk_insert.hpp"
#include "features/check_in/check_in_model.hpp"

namespace liandong::app {
namespace {

constexpr int kUnitPercent = 15;    // of the units with a Party org, located in a community
constexpr int kMemberPercent = 62;  // of the in-service members with a home community
constexpr int kPostsPerCommunity = 4;

constexpr std::string_view kSelectUnits = R"sql(
  SELECT u.id, COALESCE(u.own_org_id, u.joint_branch_org_id), c.id
  FROM unit u
  JOIN org c ON c.id = u.org_id
  WHERE c.level = 'community' AND u.archived_at IS NULL
    AND (u.own_org_id IS NOT NULL OR u.joint_branch_org_id IS NOT NULL)
  ORDER BY u.id
)sql";
constexpr std::string_view kSelectMembers = R"sql(
  SELECT m.id, m.home_community_id
  FROM member m
  JOIN org c ON c.id = m.home_community_id
  WHERE m.in_service = 1 AND m.archived_at IS NULL AND c.level = 'community'
  ORDER BY m.id
)sql";
constexpr std::string_view kSelectCommunities = "SELECT id FROM org WHERE level = 'community' ORDER BY id";

struct PostTitle {
  const char* category;
  const char* title;
};
constexpr PostTitle kPosts[] = {
    {"policy_outreach", "政策宣讲志愿者"}, {"civility", "文明引导志愿者"}, {"public_safety", "平安巡逻"},
    {"environment", "环境整治志愿者"},     {"care", "关爱帮扶探访"},      {"culture_sports", "文体活动组织"},
    {"convenience", "便民服务"},           {"mediation", "邻里矛盾调解"},
};

std::int64_t At(const std::string& date) { return core::ChinaDayStart(date) + 10 * 3600; }

}  // namespace

ScaledCheckInCounts AddScaledCheckIns(const Application& application, db::Session& session, std::uint64_t seed,
                                      std::int64_t recorded_by, std::int64_t now) {
  soci::session& sql = session.sql();
  Random random(seed);
  ScaledCheckInCounts counts;
  const std::string today = core::ChinaDate(now);
  std::map<std::string, std::int64_t> categories;
  for (const check_in::ServiceCategory& category : application.check_in_service().SeededCategories(sql)) {
    categories[category.code] = category.id;
  }

  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  // Unit check-ins: reported over the last three years, nine in ten received within a week.
  {
    db::BulkInserter rows(session, "unit_check_in",
                          {"id", "unit_id", "party_org_id", "community_id", "reported_on", "note", "reported_by",
                           "reported_at", "received_on", "received_by", "received_at"});
    long long unit_id = 0, party_org_id = 0, community_id = 0;
    soci::statement statement =
        (sql.prepare << kSelectUnits, soci::into(unit_id), soci::into(party_org_id), soci::into(community_id));
    statement.execute();
    while (statement.fetch()) {
      if (random.Below(100) >= kUnitPercent) continue;
      const std::string reported_on = core::AddDays(today, -(7 + random.Below(1000)));
      const bool received = random.Below(10) != 0;
      const std::string received_on = core::AddDays(reported_on, 1 + random.Below(7));
      rows.Add({++counts.unit_check_ins, static_cast<std::int64_t>(unit_id), static_cast<std::int64_t>(party_org_id),
                static_cast<std::int64_t>(community_id), reported_on, "", recorded_by, At(reported_on),
                received ? db::BulkValue(received_on) : db::BulkValue(), received ? db::BulkValue(recorded_by) : db::BulkValue(),
                received ? db::BulkValue(At(received_on)) : db::BulkValue()});
    }
    rows.Finish();
  }
  // Service posts: four per community, a year back and half a year on, in rotating categories.
  const std::string posts_start = core::AddDays(today, -366), posts_end = core::AddDays(today, 180);
  std::map<std::int64_t, std::int64_t> first_post;  // community → its first post's id
  std::vector<std::int64_t> communities;
  {
    long long id = 0;
    soci::statement statement = (sql.prepare << kSelectCommunities, soci::into(id));
    statement.execute();
    while (statement.fetch()) communities.push_back(id);
  }
  // Members: who reports where, and how many sign up to each post (the post's headcount).
  struct Reported {
    std::int64_t member_id;
    std::int64_t community_id;
    std::string reported_on;
  };
  std::vector<Reported> reported;
  {
    long long member_id = 0, community_id = 0;
    soci::statement statement = (sql.prepare << kSelectMembers, soci::into(member_id), soci::into(community_id));
    statement.execute();
    while (statement.fetch()) {
      if (random.Below(100) >= kMemberPercent) continue;
      reported.push_back({member_id, community_id, core::AddDays(today, -(30 + random.Below(1100)))});
    }
  }
  std::map<std::int64_t, std::int64_t> post_of;      // member → the post signed up to
  std::map<std::int64_t, std::int64_t> signed_up;    // post → sign-ups
  {
    std::int64_t post_id = 0;
    for (const std::int64_t community : communities) first_post[community] = (post_id += kPostsPerCommunity) - 3;
    for (const Reported& member : reported) {
      const std::int64_t post = first_post.at(member.community_id) + random.Below(kPostsPerCommunity);
      post_of[member.member_id] = post;
      ++signed_up[post];
    }
    db::BulkInserter rows(session, "service_post",
                          {"id", "community_id", "category_id", "title", "description", "headcount", "starts_on",
                           "ends_on", "signed_up", "published_by", "published_at"});
    for (const std::int64_t community : communities) {
      for (int i = 0; i < kPostsPerCommunity; ++i) {
        const std::int64_t id = first_post.at(community) + i;
        const PostTitle& line = kPosts[static_cast<std::size_t>((community + i) % 8)];
        const std::int64_t taken = signed_up[id];
        rows.Add({id, community, categories.at(line.category), line.title, "", std::max<std::int64_t>(taken, 10),
                  posts_start, posts_end, taken, recorded_by, At(posts_start)});
        ++counts.posts;
      }
    }
    rows.Finish();
  }
  transaction.Commit();

  // Check-ins, sign-ups, a year of hours (0–6 days each, about two months apart) and last
  // quarter's sheets, in batches of members.
  int quarter = (std::stoi(today.substr(5, 2)) - 1) / 3;
  int sheet_year = std::stoi(today.substr(0, 4));
  if (quarter == 0) {
    quarter = 4;
    --sheet_year;
  }
  const std::string quarter_start = check_in::QuarterStart(sheet_year, quarter);
  const std::string quarter_end = check_in::QuarterEnd(sheet_year, quarter);
  std::map<std::int64_t, std::int64_t> employer_of;
  {
    long long id = 0, org_id = 0;
    soci::statement statement =
        (sql.prepare << "SELECT id, org_id FROM member WHERE in_service = 1", soci::into(id), soci::into(org_id));
    statement.execute();
    while (statement.fetch()) employer_of[id] = org_id;
  }
  constexpr std::size_t kBatch = 50'000;
  std::int64_t hours_id = 0;
  for (std::size_t begin = 0; begin < reported.size(); begin += kBatch) {
    db::Transaction batch(session, db::Transaction::Mode::kWrite);
    db::BulkInserter check_ins(session, "member_check_in",
                               {"id", "member_id", "community_id", "reported_on", "recorded_by", "recorded_at"});
    db::BulkInserter sign_ups(session, "service_sign_up",
                              {"id", "post_id", "check_in_id", "member_id", "signed_up_on", "recorded_by",
                               "recorded_at"});
    db::BulkInserter hours(session, "service_hours",
                           {"id", "post_id", "sign_up_id", "member_id", "community_id", "served_on", "minutes",
                            "recorded_by", "recorded_at"});
    db::BulkInserter sheets(session, "feedback_sheet",
                            {"id", "member_id", "year", "quarter", "employer_org_id", "community_id", "sessions",
                             "minutes", "generated_at"});
    sign_ups.FlushFirst(check_ins);
    hours.FlushFirst(sign_ups);
    for (std::size_t i = begin; i < std::min(reported.size(), begin + kBatch); ++i) {
      const Reported& member = reported[i];
      const std::int64_t id = static_cast<std::int64_t>(i) + 1;
      check_ins.Add({id, member.member_id, member.community_id, member.reported_on, recorded_by, At(member.reported_on)});
      const std::int64_t post = post_of.at(member.member_id);
      const std::string signed_on = std::max(member.reported_on, posts_start);
      sign_ups.Add({id, post, id, member.member_id, signed_on, recorded_by, At(signed_on)});
      std::int64_t sessions = 0, minutes = 0;
      const int days = random.Below(7);
      for (int k = 0; k < days; ++k) {
        const std::string served_on = core::AddDays(today, -(3 + 55 * k + random.Below(20)));
        if (served_on < signed_on) break;
        const int served = 60 + 30 * random.Below(6);
        hours.Add({++hours_id, post, id, member.member_id, member.community_id, served_on, served, recorded_by,
                   At(served_on)});
        if (served_on >= quarter_start && served_on <= quarter_end) {
          ++sessions;
          minutes += served;
        }
      }
      if (member.reported_on <= quarter_end) {
        sheets.Add({++counts.sheets, member.member_id, sheet_year, quarter, employer_of.at(member.member_id),
                    member.community_id, sessions, minutes, now});
      }
    }
    check_ins.Finish();
    sign_ups.Finish();
    hours.Finish();
    sheets.Finish();
    batch.Commit();
  }
  counts.member_check_ins = static_cast<std::int64_t>(reported.size());
  counts.hours = hours_id;
  {
    db::Transaction finish(session, db::Transaction::Mode::kWrite);
    const long long sheet_count = counts.sheets, at = now;
    sql << "INSERT INTO feedback_run (year, quarter, sent_at, sheets) VALUES (:year, :quarter, :at, :sheets)",
        soci::use(sheet_year, "year"), soci::use(quarter, "quarter"), soci::use(at, "at"),
        soci::use(sheet_count, "sheets");
    const std::vector<std::string> tables = {"unit_check_in", "member_check_in", "service_post", "service_sign_up",
                                             "service_hours", "feedback_sheet"};
    db::ResetIdSequences(session, tables);
    db::AnalyzeTables(session, tables);
    finish.Commit();
  }
  return counts;
}

}  // namespace liandong::app
