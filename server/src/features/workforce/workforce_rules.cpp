// The shipped schemes and the rules of a regrading, without the database.
#include <algorithm>

#include "core/china_date.hpp"
#include "features/workforce/workforce_model.hpp"

namespace liandong::workforce {
namespace {

// A scheme whose base pay rises by `step` fen per grade from `first`, the same for every post of a
// grade, and whose post allowance is the post's own.
SchemeDefinition MakeTemplate(std::string key, std::string name, int step_years, int early_max,
                              std::vector<SchemePost> posts, std::int64_t first, std::int64_t step,
                              const std::map<std::string, std::int64_t>& allowances) {
  SchemeDefinition definition;
  definition.name = std::move(name);
  definition.template_key = std::move(key);
  definition.effective_from_year = 2024;
  definition.step_years = step_years;
  definition.early_after_excellent = 2;
  definition.early_max = early_max;
  definition.delay_years = 1;
  definition.degrees = {{"bachelor", 3}, {"master", 5}, {"doctor", 7}};
  for (const SchemePost& post : posts) {
    for (int grade = post.min_grade; grade <= post.max_grade; ++grade) {
      definition.pay.push_back(PayCell{post.post, grade, first + step * (grade - 1), allowances.at(post.post)});
    }
  }
  definition.posts = std::move(posts);
  return definition;
}

std::string Numeral(int number) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  if (number >= 0 && number <= 10) return kDigits[number];
  return std::to_string(number);
}

int YearOf(const std::string& date) { return std::stoi(date.substr(0, 4)); }

}  // namespace

const std::vector<SchemeDefinition>& SchemeTemplates() {
  static const std::vector<SchemeDefinition> templates = {
      MakeTemplate("three_posts_eighteen_grades", "三岗十八级", 3, 2,
                   {{"principal", "正职", 7, 18}, {"deputy", "副职", 4, 15}, {"staff", "其他工作人员", 1, 12}}, 260000,
                   18000, {{"principal", 80000}, {"deputy", 50000}, {"staff", 20000}}),
      MakeTemplate("four_posts_twenty_four_grades", "四岗二十四级", 2, 3,
                   {{"principal", "正职", 10, 24},
                    {"deputy", "副职", 7, 21},
                    {"staff", "专职工作者", 4, 18},
                    {"assistant", "辅助岗位", 1, 15}},
                   240000, 12000, {{"principal", 90000}, {"deputy", 60000}, {"staff", 30000}, {"assistant", 10000}}),
  };
  return templates;
}

const SchemeDefinition* FindSchemeTemplate(const std::string& key) {
  for (const SchemeDefinition& definition : SchemeTemplates()) {
    if (definition.template_key == key) return &definition;
  }
  return nullptr;
}

const SchemePost* Scheme::FindPost(const std::string& post) const {
  for (const SchemePost& candidate : definition.posts) {
    if (candidate.post == post) return &candidate;
  }
  return nullptr;
}

const PayCell* Scheme::FindPay(const std::string& post, int grade) const {
  for (const PayCell& cell : definition.pay) {
    if (cell.post == post && cell.grade == grade) return &cell;
  }
  return nullptr;
}

int Scheme::CreditedYears(const std::string& education) const {
  for (const DegreeCredit& credit : definition.degrees) {
    if (credit.degree == education) return credit.credited_years;
  }
  return 0;
}

std::string AppraisalLabel(const std::string& result) {
  if (result == "excellent") return "优秀";
  if (result == "competent") return "称职";
  if (result == "basically_competent") return "基本称职";
  if (result == "incompetent") return "不称职";
  return result;
}

std::string EducationLabel(const std::string& education) {
  if (education == "high_school") return "高中及以下";
  if (education == "associate") return "大专";
  if (education == "bachelor") return "本科";
  if (education == "master") return "硕士研究生";
  if (education == "doctor") return "博士研究生";
  return education;
}

std::string StatusLabel(const std::string& status) {
  if (status == "in_post") return "在岗";
  if (status == "left") return "离职";
  if (status == "retired") return "退休";
  return status;
}

RegradingOutcome ProposeRegrading(const Scheme& scheme, const RegradingFacts& facts, int year) {
  const SchemeDefinition& rules = scheme.definition;
  const SchemePost* post = scheme.FindPost(facts.post);
  if (post == nullptr) return {"held", facts.grade, "不变：岗位不在" + rules.name + "的岗位序列中"};
  const auto last = facts.appraisals.find(year - 1);
  if (last != facts.appraisals.end() && last->second == "incompetent") {
    return {"held", facts.grade, "不变：" + std::to_string(year - 1) + "年不称职"};
  }
  if (facts.grade >= post->max_grade) {
    return {"held", facts.grade, "不变：已达" + post->name + "最高" + std::to_string(post->max_grade) + "级"};
  }
  // The years since the last step, from the first 1 January on or after it.
  const int since_year = YearOf(facts.grade_since);
  const int start_year = facts.grade_since.substr(5) == "01-01" ? since_year : since_year + 1;
  const std::string start = std::to_string(start_year) + "-01-01";
  std::map<std::string, int> tally;
  int failing = 0;
  int missing = 0;
  for (int served = start_year; served < year; ++served) {
    const auto found = facts.appraisals.find(served);
    if (found == facts.appraisals.end()) {
      ++missing;
      continue;
    }
    ++tally[found->second];
    if (found->second == "incompetent") ++failing;
  }
  const int elapsed = std::max(0, year - start_year);
  const int counted = std::max(0, elapsed - rules.delay_years * failing);
  if (counted >= rules.step_years) {
    std::string summary;
    for (const char* result : {"excellent", "competent", "basically_competent", "incompetent"}) {
      const auto found = tally.find(result);
      if (found == tally.end()) continue;
      summary += (summary.empty() ? "" : "、") + AppraisalLabel(result) + "×" + std::to_string(found->second);
    }
    if (missing > 0) summary += (summary.empty() ? "" : "、") + std::string("未录入×") + std::to_string(missing);
    std::string text = "+1：自" + start + "起满" + Numeral(elapsed) + "年";
    if (failing > 0) text += "（不称职顺延" + Numeral(rules.delay_years * failing) + "年）";
    return {"promoted", facts.grade + 1, text + "，考核" + summary};
  }
  const int needed = rules.early_after_excellent;
  if (facts.early_steps_used < rules.early_max && needed > 0 && year - needed >= start_year) {
    bool excellent = true;
    std::string years;
    for (int served = year - needed; served < year; ++served) {
      const auto found = facts.appraisals.find(served);
      excellent = excellent && found != facts.appraisals.end() && found->second == "excellent";
      years += (years.empty() ? "" : "、") + std::to_string(served);
    }
    if (excellent) {
      return {"early", facts.grade + 1,
              "+1 提前：" + years + "年连续优秀，第" + std::to_string(facts.early_steps_used + 1) + "次（共" +
                  std::to_string(rules.early_max) + "次）"};
    }
  }
  if (elapsed == 0) return {"held", facts.grade, "不变：自" + start + "起未满一年"};
  std::string text = "不变：自" + start + "起满" + Numeral(elapsed) + "年";
  if (failing > 0) text += "（不称职顺延" + Numeral(rules.delay_years * failing) + "年）";
  return {"held", facts.grade, text + "，未满" + Numeral(rules.step_years) + "年"};
}

int StartingGrade(const Scheme& scheme, const std::string& post, const std::string& service_start,
                  const std::string& education, const std::string& today) {
  const SchemePost* found = scheme.FindPost(post);
  if (found == nullptr) return 0;
  const int service_years =
      std::max<int>(0, static_cast<int>((core::DaysOfIsoDate(today) - core::DaysOfIsoDate(service_start)) / 365));
  const int steps = (service_years + scheme.CreditedYears(education)) / std::max(1, scheme.definition.step_years);
  return std::min(found->max_grade, found->min_grade + steps);
}

}  // namespace liandong::workforce
