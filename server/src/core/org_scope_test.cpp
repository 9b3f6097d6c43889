#include "core/org_scope.hpp"

#include <gtest/gtest.h>

namespace liandong::core {
namespace {

Actor ActorAt(std::string path) {
  Actor actor;
  actor.org_path = std::move(path);
  return actor;
}

TEST(OrgPathTest, OnlyWellFormedPathsAreOrgPaths) {
  struct Case {
    std::string_view path;
    bool valid;
  };
  for (const Case& c : std::initializer_list<Case>{{"/1/", true},
                                                   {"/1/17/230/", true},
                                                   {"", false},
                                                   {"/", false},
                                                   {"//", false},
                                                   {"/1", false},
                                                   {"1/", false},
                                                   {"/1//2/", false},
                                                   {"/1/a/", false},
                                                   {"/1/-2/", false}}) {
    EXPECT_EQ(IsOrgPath(c.path), c.valid) << c.path;
  }
}

TEST(OrgPathTest, IdsOnPathAreRootFirst) {
  EXPECT_EQ(IdsOnPath("/1/2/5/"), (std::vector<std::int64_t>{1, 2, 5}));
  EXPECT_EQ(IdsOnPath("/9007199254740993/"), (std::vector<std::int64_t>{9007199254740993}));
  EXPECT_TRUE(IdsOnPath("").empty());
}

TEST(OrgScopeTest, AnActorWithoutAnOrgPathHasNoScope) {
  for (const std::string path : {"", "/", "17", "/1/x/"}) {
    EXPECT_THROW(OrgScope::Of(ActorAt(path)), AppError) << path;
  }
}

TEST(OrgScopeTest, ContainsItsRootAndDescendantsOnly) {
  const OrgScope scope = OrgScope::Of(ActorAt("/1/17/"));
  EXPECT_TRUE(scope.Contains("/1/17/"));
  EXPECT_TRUE(scope.Contains("/1/17/230/"));
  EXPECT_FALSE(scope.Contains("/1/"));          // the parent
  EXPECT_FALSE(scope.Contains("/1/170/"));      // a sibling whose id starts with the same digits
  EXPECT_FALSE(scope.Contains("/1/18/17/"));    // another branch
  EXPECT_FALSE(scope.Contains(""));             // never "inside" for a missing path
  EXPECT_FALSE(scope.Contains("/1/17/x/"));
}

TEST(OrgScopeTest, TheRangeBoundsTheSubtreeAsStringsCompare) {
  const OrgScope scope = OrgScope::Of(ActorAt("/1/17/"));
  EXPECT_EQ(scope.Path(), "/1/17/");
  EXPECT_EQ(scope.End(), "/1/170");
  for (const std::string inside : {"/1/17/", "/1/17/2/", "/1/17/999999/1/"}) {
    EXPECT_TRUE(inside >= scope.Path() && inside < scope.End()) << inside;
  }
  for (const std::string outside : {"/1/", "/1/170/", "/1/171/", "/1/18/", "/1/16/9/"}) {
    EXPECT_FALSE(outside >= scope.Path() && outside < scope.End()) << outside;
  }
  EXPECT_EQ(scope.RootId(), 17);
  EXPECT_EQ(scope.Ids(), (std::vector<std::int64_t>{1, 17}));
}

TEST(OrgScopeTest, NarrowsOnlyInsideItself) {
  const OrgScope scope = OrgScope::Of(ActorAt("/1/17/"));
  ASSERT_TRUE(scope.Narrow("/1/17/230/"));
  EXPECT_EQ(scope.Narrow("/1/17/230/")->Path(), "/1/17/230/");
  EXPECT_FALSE(scope.Narrow("/1/"));
  EXPECT_FALSE(scope.Narrow("/1/18/"));
  EXPECT_FALSE(scope.Narrow(""));
}

TEST(OrgScopeTest, AncestorsAreTheScopesRootAndAbove) {
  const OrgScope scope = OrgScope::Of(ActorAt("/1/17/230/"));
  EXPECT_TRUE(scope.IsWithinAncestorOf("/1/"));
  EXPECT_TRUE(scope.IsWithinAncestorOf("/1/17/"));
  EXPECT_TRUE(scope.IsWithinAncestorOf("/1/17/230/"));
  EXPECT_FALSE(scope.IsWithinAncestorOf("/1/17/230/5/"));
  EXPECT_FALSE(scope.IsWithinAncestorOf("/1/1/"));
  EXPECT_FALSE(scope.IsWithinAncestorOf(""));
}

TEST(OrgScopeTest, WholeTreeIsRootedAtOneId) {
  EXPECT_EQ(OrgScope::WholeTree("/1/").Path(), "/1/");
  EXPECT_THROW(OrgScope::WholeTree("/1/2/"), AppError);
  EXPECT_TRUE(OrgScope::WholeTree("/1/").IsWholeTree());
  EXPECT_FALSE(OrgScope::WholeTree("/1/").Narrow("/1/7/")->IsWholeTree());
}

struct Record {
  std::int64_t id;
  std::string path;
};

TEST(RequireInScopeTest, OutsideAnswersAsNotFoundAndIsADenial) {
  const OrgScope scope = OrgScope::Of(ActorAt("/1/17/"));
  const auto path_of = [](const Record& record) { return record.path; };
  EXPECT_EQ(RequireInScope(scope, std::optional<Record>(Record{5, "/1/17/5/"}), path_of, "thing.not_found").id, 5);
  try {
    RequireInScope(scope, std::optional<Record>(), path_of, "thing.not_found");
    FAIL() << "a missing record is not found";
  } catch (const AppError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kNotFound);
    EXPECT_EQ(error.code(), "thing.not_found");
    EXPECT_FALSE(error.denial());
  }
  try {
    RequireInScope(scope, std::optional<Record>(Record{6, "/1/18/6/"}), path_of, "thing.not_found");
    FAIL() << "a record outside is not found";
  } catch (const AppError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kNotFound);
    EXPECT_EQ(error.code(), "thing.not_found");
    EXPECT_TRUE(error.denial());
  }
}

}  // namespace
}  // namespace liandong::core
