// A small drift, replayed from SQL on both sides, and a hand-built Report of it with a
// fixed timestamp: the input of the HTML golden, the dependency picture tests and the
// headless-browser rendering tests.
#ifndef PGDRIFT_REPORT_TESTING_HTML_SAMPLE_REPORT_H_
#define PGDRIFT_REPORT_TESTING_HTML_SAMPLE_REPORT_H_

#include "diff/change_set.h"
#include "model/catalog.h"
#include "report/report.h"

namespace pgdrift::report::testing {

// The migrations (local), the database (remote) and what differs between them: a
// local-only table, a remote-only column, index and policy, and a changed column default.
struct SampleDrift {
  model::Catalog local;
  model::Catalog remote;
  diff::ChangeSet changes;
};

// Replays the sample's SQL (fails the calling test on a replay error).
SampleDrift SampleCatalogs();

// A Report of the sample drift with provenance, explanations, corrective statements,
// history versions and the dependency picture (DOT only: `svg` empty, `svg_error` set to
// a fixed text so that the HTML does not depend on the Graphviz version).
Report SampleReport();

}  // namespace pgdrift::report::testing

#endif  // PGDRIFT_REPORT_TESTING_HTML_SAMPLE_REPORT_H_
