// Registration of every subcommand; each Register*Command is defined in its own file.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace ansinh::cli {

void RegisterInitCommand(CLI::App& app, CommandContext& context);   // init_command.cc
void RegisterServeCommand(CLI::App& app, CommandContext& context);  // serve_command.cc

inline void RegisterAllCommands(CLI::App& app, CommandContext& context) {
  RegisterInitCommand(app, context);
  RegisterServeCommand(app, context);
}

}  // namespace ansinh::cli
