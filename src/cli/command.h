// How a subcommand of `ansinh` plugs into the command line.
//
// Each command lives in its own file and exposes one Register*Command function
// that adds a CLI11 subcommand. Its callback stores a Status in the context; the
// one place that turns a Status into an exit code and a Vietnamese message on
// stderr is main.cc (via ExitCodeFor). A command prints its JSON summary on stdout.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/error.h"
#include "store/database.h"

namespace ansinh::cli {

// How many rows a `list` subcommand prints when --limit is not given.
inline constexpr std::int64_t kDefaultListLimit = 100;

struct CommandContext {
  Status outcome;                      // what the command that ran returned
  std::string output_format = "json";  // "json" or "table" (--format)
};

// Prints a command's summary on stdout in the chosen format.
void PrintSummary(const CommandContext& context, const nlohmann::json& summary);

// Adds the mandatory `--db URL` option to a subcommand.
CLI::Option* AddDatabaseOption(CLI::App& command, std::string& db_url);

// Opens the database at `db_url` and refuses it unless every migration this
// binary ships is applied (the operator must run `ansinh init` first).
Result<std::unique_ptr<store::Database>> OpenCurrentDatabase(const std::string& db_url);

// Opens the current database at `db_url` (as OpenCurrentDatabase) and runs
// `run(store::Database&, store::SqlSession&)` on one session of it: the frame
// of a command that works in one session.
template <class Run>
Status WithCurrentSession(const std::string& db_url, Run run) {
  auto database = OpenCurrentDatabase(db_url);
  if (!database) return Fail(std::move(database.error()));
  auto session = (*database)->Acquire();
  if (!session) return Fail(std::move(session.error()));
  return run(**database, **session);
}

// Prints a use case's summary (its ToJson, found by argument-dependent
// lookup, so T must be an app:: type) or passes its error on.
template <class T>
Status PrintOutcome(const CommandContext& context, const Result<T>& outcome) {
  if (!outcome) return Fail(outcome.error());
  PrintSummary(context, ToJson(*outcome));
  return {};
}

// `--as NAME`: who acts, for the audit log (default "operator", the local
// operator of the server host).
CLI::Option* AddActorOption(CLI::App& command, std::string& as);

// Adds `--edition pre2025|2025`: which commune map the codes of a command are
// read in. Empty (not given) means the map in force today; registers kept
// from before 1 July 2025 still carry the old codes.
CLI::Option* AddEditionOption(CLI::App& command, std::string& edition);

// The edition given, or nullopt for "the map in force today".
std::optional<std::string> EditionOrToday(const std::string& edition);

}  // namespace ansinh::cli
