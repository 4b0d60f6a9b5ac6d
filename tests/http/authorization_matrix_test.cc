// The authorization matrix, generated from the route table: every route ×
// every role × (no credentials | object in scope | object out of scope).
//
// Nothing here lists routes by hand. The expected status derives from the
// route's AccessRule and core::RoleHasPermission:
//   - without credentials: 401, except on public routes;
//   - a role without the permission: 403;
//   - a role with it, object in scope: anything but 401, 403 or 404;
//   - a role with it, object out of scope: exactly the answer for an object
//     that does not exist (404 where that is 404).
// A route without a rule, or with a path parameter the fixture table below
// cannot fill, fails the suite: a new route must say who may call it.
//
// In-process: the real Router from BuildRouter over a real (initialised)
// SQLite database, sessions inserted directly, so hundreds of requests take
// a second.
#include <string>

#include "http/route_table_fixture.h"

namespace ansinh::http::route_fixture {
namespace {

using AuthorizationMatrixTest = RouteTableTest;

// Anchors the fixture: A is visible where the users work, B is not.
TEST_F(AuthorizationMatrixTest, FixtureIsWhatTheMatrixAssumes) {
  const Router::RouteInfo show{Method::kGet, "/api/v1/beneficiaries/{code}",
                               AccessRule::Require(core::Permission::kBeneficiaryRead)};
  const auto in_scope =
      Send(show, {"api", "v1", "beneficiaries", kInScopeCode}, core::Role::kCommuneOfficer);
  EXPECT_EQ(in_scope.status, 200) << in_scope.body;
  const auto outside =
      Send(show, {"api", "v1", "beneficiaries", kOutOfScopeCode}, core::Role::kProvinceOfficer);
  EXPECT_EQ(outside.status, 404) << outside.body;
  const auto auditor =
      Send(show, {"api", "v1", "beneficiaries", kOutOfScopeCode}, core::Role::kAuditor);
  EXPECT_EQ(auditor.status, 200) << auditor.body;
}

TEST_F(AuthorizationMatrixTest, EveryRouteHasARuleAndFillableParameters) {
  const auto routes = router_->Routes();
  ASSERT_GE(routes.size(), 5u);
  for (const auto& route : routes) {
    EXPECT_TRUE(route.rule) << NameOf(route) << " has no access rule";
    std::string unknown;
    EXPECT_TRUE(Fill(route.pattern, &ParamValues::in_scope, &unknown))
        << NameOf(route) << ": no fixture for path parameter " << unknown
        << " (add it to ParamTable in " << __FILE__ << ")";
  }
}

TEST_F(AuthorizationMatrixTest, WithoutCredentialsOnlyPublicRoutesAnswer) {
  for (const auto& route : router_->Routes()) {
    std::string unknown;
    const auto path = Fill(route.pattern, &ParamValues::in_scope, &unknown);
    if (!route.rule || !path) continue;  // reported by the test above
    const Response response = Send(route, *path, std::nullopt);
    if (route.rule->kind == AccessRule::Kind::kPublic) {
      EXPECT_NE(response.status, 401) << NameOf(route);
    } else {
      EXPECT_EQ(response.status, 401) << NameOf(route) << ": " << response.body;
    }
  }
}

TEST_F(AuthorizationMatrixTest, EachRoleGetsWhatTheTableSaysInScope) {
  int checked = 0;
  for (const auto& route : router_->Routes()) {
    std::string unknown;
    const auto path = Fill(route.pattern, &ParamValues::in_scope, &unknown);
    if (!route.rule || !path) continue;
    for (const core::Role role : core::kAllRoles) {
      const Response response = Send(route, *path, role);
      const std::string where = NameOf(route) + " as " + core::RoleName(role) + " (" +
                                route.rule->Describe() + "): " + response.body;
      if (!Allowed(*route.rule, role)) {
        EXPECT_EQ(response.status, 403) << where;
        EXPECT_EQ(ErrorCode(response), "auth.forbidden") << where;
      } else {
        EXPECT_NE(response.status, 401) << where;
        EXPECT_NE(response.status, 403) << where;
        EXPECT_NE(response.status, 404) << where;
        EXPECT_LT(response.status, 500) << where;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 5 * static_cast<int>(core::kAllRoles.size()));
}

TEST_F(AuthorizationMatrixTest, OutOfScopeLooksExactlyLikeMissing) {
  for (const auto& route : router_->Routes()) {
    std::string unknown;
    const auto outside = Fill(route.pattern, &ParamValues::out_of_scope, &unknown);
    const auto missing = Fill(route.pattern, &ParamValues::missing, &unknown);
    if (!route.rule || !outside || !missing || !HasScopedParam(route.pattern)) continue;
    for (const core::Role role : core::kAllRoles) {
      if (!Allowed(*route.rule, role) || !UnitOf(role)) continue;  // national roles see all
      const Response out = Send(route, *outside, role);
      const Response gone = Send(route, *missing, role);
      const std::string where = NameOf(route) + " as " + core::RoleName(role) + ": " + out.body;
      EXPECT_EQ(out.status, gone.status) << where << " vs missing: " << gone.body;
      EXPECT_EQ(ErrorCode(out), ErrorCode(gone)) << where;
      if (gone.status == 404) {
        EXPECT_EQ(out.status, 404) << where;
      }
      EXPECT_GE(out.status, 400) << where;
    }
  }
}

TEST_F(AuthorizationMatrixTest, SecondFactorPermissionsNeedAVerifiedSession) {
  for (const auto& route : router_->Routes()) {
    std::string unknown;
    const auto path = Fill(route.pattern, &ParamValues::in_scope, &unknown);
    if (!route.rule || !path || route.rule->kind != AccessRule::Kind::kPermission ||
        !core::PermissionNeedsSecondFactor(route.rule->permission)) {
      continue;
    }
    for (const core::Role role : core::kAllRoles) {
      if (!Allowed(*route.rule, role) || !core::RoleNeedsSecondFactor(role)) continue;
      const Response response = Send(route, *path, role, /*second_factor=*/false);
      EXPECT_EQ(response.status, 403) << NameOf(route) << " as " << core::RoleName(role);
      EXPECT_EQ(ErrorCode(response), "auth.second_factor_required") << NameOf(route);
    }
  }
}

}  // namespace
}  // namespace ansinh::http::route_fixture
