#include "cli/report_command.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>

#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/diagnostics_printer.h"
#include "cli/exit_code.h"
#include "cli/version.h"
#include "introspect/connection_string.h"
#include "parser/migration_dir.h"
#include "parser/profile.h"
#include "report/report.h"
#include "report/report_html.h"
#include "report/report_json.h"
#include "report/report_markdown.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;

absl::StatusOr<report::Report> MakeReport(const ReportCommandOptions& options, const Output& err) {
  report::ReportInput input;
  report::Provenance& provenance = input.provenance;
  provenance.generated_at = report::ReportTimestamp();
  provenance.pgdrift_version = PGDRIFT_VERSION;

  DiagnosticSink local_sink;
  parser::Profile profile = options.source_options.profile.value_or(
      parser::DetectProfile(options.local).value_or(parser::Profile::kPostgres));
  PGDRIFT_ASSIGN_OR_RETURN(input.chain,
                           parser::LoadMigrationDirectory(options.local, options.source_options.layout, &local_sink));
  PGDRIFT_ASSIGN_OR_RETURN(input.seed, parser::SeedCatalog(profile));
  PrintDiagnostics(local_sink.diagnostics(), options.verbose, err);
  size_t files = input.chain.files.size();
  provenance.local = StrCat("migration chain ", input.chain.root, " (", parser::LayoutName(input.chain.layout),
                            " layout, ", files, files == 1 ? " file)" : " files)");
  for (const parser::MigrationFile& file : input.chain.files) {
    if (file.repeatable) continue;
    provenance.newest_version = file.version;
    provenance.newest_file = file.path;
  }
  provenance.profile = std::string(parser::ProfileName(profile));

  // The remote is read with the chain's profile, so both agree on scope, and its history
  // from the table of the chain's tool, in the same snapshot as its schema.
  SourceOptions remote_options = options.source_options;
  remote_options.profile = profile;
  remote_options.layout = input.chain.layout;
  PGDRIFT_ASSIGN_OR_RETURN(LoadedSource remote, LoadSource(options.remote, remote_options));
  PrintDiagnostics(remote.diagnostics.diagnostics(), options.verbose, err);
  provenance.remote = remote.description;
  if (remote.history) provenance.history_table = remote.history->table;
  input.remote = std::move(remote.catalog);
  input.history = std::move(remote.history);
  // Graphviz runs only when the SVG is used: the HTML report, or Markdown written to a
  // file (it links FILE.svg).
  input.render_svg = options.format == "html" || (options.format == "markdown" && !options.out.empty());
  return report::BuildReport(input);
}

absl::Status WriteFile(const fs::path& path, std::string_view text) {
  std::ofstream file(path, std::ios::binary);
  if (!file) return absl::UnavailableError(StrCat("cannot write ", path.string()));
  file << text;
  file.close();
  if (!file) return absl::UnavailableError(StrCat("cannot write ", path.string()));
  return absl::OkStatus();
}

// Writes the report (and the picture beside it) to options.out.
absl::Status WriteReport(const report::Report& report, const ReportCommandOptions& options) {
  fs::path path = options.out;
  std::string base_name = path.filename().string();
  bool beside = options.format != "json" && !report.picture.empty();
  std::string svg_file;
  if (beside && !report.picture.svg.empty()) {
    svg_file = StrCat(base_name, ".svg");
    PGDRIFT_RETURN_IF_ERROR(WriteFile(StrCat(path.string(), ".svg"), report.picture.svg));
  } else if (beside) {
    PGDRIFT_RETURN_IF_ERROR(WriteFile(StrCat(path.string(), ".dot"), report.picture.dot));
  }
  std::string text = options.format == "json"   ? report::ReportJson(report).dump(2) + "\n"
                     : options.format == "html" ? report::ReportHtml(report)
                                                : report::ReportMarkdown(report, svg_file);
  return WriteFile(path, text);
}

}  // namespace

int RunReport(const ReportCommandOptions& options, const Output& out, const Output& err) {
  if (options.format != "markdown" && options.format != "html" && options.format != "json") {
    *err.stream << err.Paint("1;31", "error: ") << "unknown report format \"" << options.format
                << "\" (markdown, html, json)\n";
    return kExitError;
  }
  absl::StatusOr<report::Report> report = MakeReport(options, err);
  if (!report.ok()) {
    *err.stream << err.Paint("1;31", "error: ") << introspect::RedactSourceIn(std::string(report.status().message()), options.remote) << "\n";
    return kExitError;
  }
  if (!options.out.empty()) {
    absl::Status written = WriteReport(*report, options);
    if (!written.ok()) {
      *err.stream << err.Paint("1;31", "error: ") << written.message() << "\n";
      return kExitError;
    }
    return kExitOk;
  }
  if (options.format == "json") {
    *out.stream << report::ReportJson(*report).dump(2) << "\n";
  } else if (options.format == "html") {
    *out.stream << report::ReportHtml(*report);
  } else {
    *out.stream << report::ReportMarkdown(*report);
  }
  return kExitOk;
}

}  // namespace pgdrift::cli
