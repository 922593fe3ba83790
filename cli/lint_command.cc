#include "cli/lint_command.h"

#include <filesystem>

#include "base/plural.h"
#include "base/strings.h"
#include "cli/diagnostics_printer.h"
#include "cli/exit_code.h"
#include "lint/registry.h"
#include "nlohmann/json.hpp"
#include "parser/create_statements.h"
#include "parser/migration_dir.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;

// The CREATE statements of the files the source replays (none for snapshots and
// databases, which have no statements).
std::vector<parser::CreateStatementInfo> CreateStatements(const LintOptions& options) {
  std::vector<parser::CreateStatementInfo> statements;
  auto add = [&](parser::SourceFile file) {
    for (parser::CreateStatementInfo& info : parser::ListCreateStatements(std::move(file))) {
      statements.push_back(std::move(info));
    }
  };
  std::error_code error;
  if (fs::is_directory(options.source, error)) {
    absl::StatusOr<parser::MigrationChain> chain =
        parser::LoadMigrationDirectory(options.source, options.source_options.layout, nullptr);
    if (!chain.ok()) return statements;
    for (parser::MigrationFile& file : chain->files) add(std::move(file.source));
  } else if (options.source.ends_with(".sql")) {
    absl::StatusOr<parser::SourceFile> file = parser::ReadSourceFile(options.source);
    if (file.ok()) add(std::move(file).value());
  }
  return statements;
}

std::string_view SeverityColor(Severity severity) {
  return severity == Severity::kError ? "1;31" : "1;33";
}

void PrintText(const std::vector<lint::Finding>& findings, const Output& out) {
  int errors = 0;
  for (const lint::Finding& finding : findings) {
    errors += finding.severity == Severity::kError;
    std::string where = finding.span.ToString();
    if (!where.empty()) *out.stream << out.Paint("1", where) << ": ";
    *out.stream << out.Paint(SeverityColor(finding.severity), SeverityName(finding.severity))
                << ": " << finding.message << " [" << finding.rule << "]\n"
                << "    why: " << finding.why << "\n";
  }
  if (!findings.empty()) {
    int warnings = static_cast<int>(findings.size()) - errors;
    *out.stream << Plural(static_cast<int>(findings.size()), "finding") << ": "
                << Plural(errors, "error") << ", " << Plural(warnings, "warning") << "\n";
  }
}

nlohmann::ordered_json ToJson(const std::vector<lint::Finding>& findings) {
  int errors = 0;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const lint::Finding& finding : findings) {
    errors += finding.severity == Severity::kError;
    nlohmann::ordered_json entry;
    entry["rule"] = finding.rule;
    entry["severity"] = SeverityName(finding.severity);
    if (finding.span.known()) {
      entry["file"] = finding.span.file;
      entry["line"] = finding.span.line;
      entry["column"] = finding.span.column;
    } else {
      entry["file"] = nullptr;
      entry["line"] = nullptr;
      entry["column"] = nullptr;
    }
    entry["object"] = finding.object.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(finding.object);
    entry["message"] = finding.message;
    entry["why"] = finding.why;
    list.push_back(std::move(entry));
  }
  nlohmann::ordered_json document;
  document["format"] = "pgdrift.lint/v1";
  document["clean"] = findings.empty();
  document["summary"] = {{"errors", errors},
                         {"warnings", static_cast<int>(findings.size()) - errors}};
  document["findings"] = std::move(list);
  return document;
}

}  // namespace

int RunLint(const LintOptions& options, const Output& out, const Output& err) {
  absl::StatusOr<LoadedSource> source = LoadSource(options.source, options.source_options);
  if (!source.ok()) {
    *err.stream << err.Paint("1;31", "error") << ": " << source.status().message() << "\n";
    return kExitError;
  }
  // Replay errors are findings; what else the replay says (statements not modelled, files
  // the layout skipped, notices with --verbose) goes to stderr as `inspect` prints it.
  std::vector<Diagnostic> other;
  for (const Diagnostic& diagnostic : source->diagnostics.diagnostics()) {
    if (diagnostic.severity != Severity::kError) other.push_back(diagnostic);
  }
  PrintDiagnostics(other, options.verbose, err);

  lint::LintInput input;
  input.catalog = &source->catalog;
  input.profile = source->profile;
  input.exposed_schemas = options.exposed_schemas;
  input.replay_diagnostics = source->diagnostics.diagnostics();
  input.create_statements = CreateStatements(options);
  std::vector<lint::Finding> findings = lint::RunLint(input);

  if (options.format == "json") {
    *out.stream << ToJson(findings).dump(2) << "\n";
  } else {
    PrintText(findings, out);
  }
  return findings.empty() ? kExitOk : kExitDrift;
}

}  // namespace pgdrift::cli
