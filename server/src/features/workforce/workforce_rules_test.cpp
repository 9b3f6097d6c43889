#include <gtest/gtest.h>

#include "features/workforce/workforce_model.hpp"

namespace liandong::workforce {
namespace {

Scheme ThreePosts() {
  Scheme scheme;
  scheme.id = 1;
  scheme.definition = *FindSchemeTemplate("three_posts_eighteen_grades");
  return scheme;
}

struct Case {
  const char* name;
  RegradingFacts facts;
  std::string change;
  int to_grade;
  std::string explanation;
};

TEST(WorkforceRules, ProposalsExplainEachOutcome) {
  const Scheme scheme = ThreePosts();
  const std::vector<Case> cases = {
      {"a regular step after three years",
       {"staff", 5, "2023-01-01", 0, {{2023, "competent"}, {2024, "competent"}, {2025, "competent"}}},
       "promoted",
       6,
       "+1：自2023-01-01起满三年，考核称职×3"},
      {"an early step after two consecutive 优秀",
       {"staff", 5, "2024-01-01", 0, {{2024, "excellent"}, {2025, "excellent"}}},
       "early",
       6,
       "+1 提前：2024、2025年连续优秀，第1次（共2次）"},
      {"no third early step",
       {"staff", 5, "2024-01-01", 2, {{2024, "excellent"}, {2025, "excellent"}}},
       "held",
       5,
       "不变：自2024-01-01起满二年，未满三年"},
      {"held after 不称职 last year",
       {"deputy", 8, "2022-01-01", 0, {{2023, "competent"}, {2024, "competent"}, {2025, "incompetent"}}},
       "held",
       8,
       "不变：2025年不称职"},
      {"a failing year earlier delays the step",
       {"staff",
        3,
        "2022-01-01",
        0,
        {{2022, "incompetent"}, {2023, "competent"}, {2024, "competent"}, {2025, "competent"}}},
       "promoted",
       4,
       "+1：自2022-01-01起满四年（不称职顺延一年），考核称职×3、不称职×1"},
      {"at the top of the post", {"principal", 18, "2020-01-01", 0, {}}, "held", 18, "不变：已达正职最高18级"},
      {"a step from a mid-year date counts from the next 1 January",
       {"staff", 2, "2022-07-01", 0, {{2024, "competent"}}},
       "promoted",
       3,
       "+1：自2023-01-01起满三年，考核称职×1、未录入×2"},
  };
  for (const Case& item : cases) {
    const RegradingOutcome outcome = ProposeRegrading(scheme, item.facts, 2026);
    EXPECT_EQ(outcome.change, item.change) << item.name;
    EXPECT_EQ(outcome.to_grade, item.to_grade) << item.name;
    EXPECT_EQ(outcome.explanation, item.explanation) << item.name;
  }
}

TEST(WorkforceRules, StartingGradeCreditsTheDegree) {
  const Scheme scheme = ThreePosts();
  // A bachelor counts three years: one step above the lowest grade at once.
  EXPECT_EQ(StartingGrade(scheme, "staff", "2026-01-01", "bachelor", "2026-01-01"), 2);
  EXPECT_EQ(StartingGrade(scheme, "staff", "2026-01-01", "doctor", "2026-01-01"), 3);
  EXPECT_EQ(StartingGrade(scheme, "deputy", "2020-01-01", "associate", "2026-01-01"), 6);
  EXPECT_EQ(StartingGrade(scheme, "principal", "1990-01-01", "master", "2026-01-01"), 18);
}

TEST(WorkforceRules, ShippedSchemesHaveCompletePayTables) {
  for (const SchemeDefinition& definition : SchemeTemplates()) {
    std::size_t cells = 0;
    for (const SchemePost& post : definition.posts) cells += post.max_grade - post.min_grade + 1;
    EXPECT_EQ(definition.pay.size(), cells) << definition.name;
  }
  // 同工同酬: two posts sharing a grade share its base pay.
  const Scheme scheme = ThreePosts();
  EXPECT_EQ(scheme.FindPay("principal", 10)->base_pay, scheme.FindPay("staff", 10)->base_pay);
}

}  // namespace
}  // namespace liandong::workforce
