#include "parser/replay.h"

#include <algorithm>
#include <utility>

#include "model/apply.h"
#include "parser/sql_file.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// The message of `status` without the "path:line:col: " prefix InputError puts there
// (the diagnostic prints the span itself).
std::string MessageWithoutSpan(const absl::Status& status, const SourceSpan& span) {
  std::string message(status.message());
  std::string prefix = span.ToString() + ": ";
  if (std::optional<SourceSpan> attached = SpanOf(status)) prefix = attached->ToString() + ": ";
  if (message.starts_with(prefix)) message.erase(0, prefix.size());
  return message;
}

}  // namespace

void Replayer::ReplayFile(SourceFile file) {
  ++files_;
  // Findings of this file are collected apart and then passed on in the order of their
  // position, so a syntax error (found while parsing) lands between the replay errors of
  // the statements around it.
  DiagnosticSink* outer = sink_;
  DiagnosticSink file_sink;
  sink_ = &file_sink;
  ReplayStatements(std::move(file));
  sink_ = outer;
  std::vector<Diagnostic> found = file_sink.diagnostics();
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.span.line, a.span.column) < std::pair(b.span.line, b.span.column);
  });
  for (Diagnostic& diagnostic : found) sink_->Add(std::move(diagnostic));
}

void Replayer::ReplayStatements(SourceFile file) {
  ParsedFile parsed = ParseSqlFile(std::move(file), sink_);
  for (const Statement& statement : parsed.statements) {
    ++statements_;
    TransformContext ctx(catalog_, statement.span, statement.text, sink_);
    absl::Status status = TransformStatement(*statement.node, ctx);
    if (status.code() == absl::StatusCode::kUnimplemented) {
      sink_->Warning(statement.span, std::string(status.message()), FirstLine(statement.text));
      continue;
    }
    if (!status.ok()) {
      SourceSpan span = SpanOf(status).value_or(statement.span);
      sink_->Error(span, MessageWithoutSpan(status, statement.span), FirstLine(statement.text));
      continue;
    }
    for (const model::Mutation& mutation : ctx.mutations()) {
      absl::Status applied = model::Apply(mutation, &catalog_, sink_);
      if (!applied.ok()) {
        sink_->Error(statement.span, MessageWithoutSpan(applied, statement.span),
                     FirstLine(statement.text));
        break;  // the rest of this statement's effect depends on what failed
      }
    }
  }
}

}  // namespace pgdrift::parser
