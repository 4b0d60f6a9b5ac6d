// A SqlSession decorator that fails one chosen Execute, to test that a use
// case leaves nothing behind when the database fails halfway through a write
// (STYLE.md §9, after LevelDB's fault-injection environment).
#pragma once

#include <cstdint>
#include <string>

#include "store/sql_session.h"

namespace ansinh::testing_support {

class FaultInjectingSession : public store::SqlSession {
 public:
  // REQUIRES: `inner` outlives this object.
  explicit FaultInjectingSession(store::SqlSession& inner) : inner_(inner) {}

  // The `n`-th Execute from now (1-based) fails with kUnavailable
  // "db.injected_fault"; 0 disarms. BEGIN, COMMIT and ROLLBACK are not counted,
  // so the fault lands inside the transaction's writes.
  void FailExecuteNumber(int n) {
    fail_at_ = n;
    seen_ = 0;
  }
  int executes_seen() const { return seen_; }
  bool fault_fired() const { return fired_; }

  store::Dialect dialect() const override { return inner_.dialect(); }
  Result<std::int64_t> Execute(std::string_view sql, const store::SqlParams& params) override;
  Result<store::SqlRows> Query(std::string_view sql, const store::SqlParams& params) override {
    return inner_.Query(sql, params);
  }
  Status ExecuteScript(std::string_view sql) override { return inner_.ExecuteScript(sql); }
  Result<bool> TableExists(std::string_view table) override { return inner_.TableExists(table); }
  bool IsReusable() const override { return inner_.IsReusable(); }

 private:
  store::SqlSession& inner_;
  int fail_at_ = 0;
  int seen_ = 0;
  bool fired_ = false;
};

}  // namespace ansinh::testing_support
